package cn.unionportal.member;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * Deterministic generator of plausible, fictitious people for demo data and
 * load tests. The same seed (or a generator in the same state) always yields
 * the same sequence. Not thread-safe.
 *
 * <ul>
 * <li>Names: surname weighted by approximate national frequency (with
 * {@code 于}, {@code 孙}, {@code 丛}, {@code 鞠} boosted as in Weihai) and a
 * one-character (30%) or two-character (70%) given name from gendered lists.</li>
 * <li>ID numbers: Weihai region codes (371002 环翠区, 371003 文登区,
 * 371082 荣成市, 371083 乳山市) for most people; other Shandong and other
 * province codes mainly for migrant workers. Birth years 1960-2004, 52% male,
 * correct gender and check digits.</li>
 * <li>Phones: {@code 130-139, 150-153, 155-159, 170, 176-178, 180-189, 198, 199}
 * followed by 8 random digits.</li>
 * <li>Employment types, out of 600: {@value #ON_THE_JOB} 340,
 * {@value #MIGRANT_WORKER} 100 (exactly 1/6), {@value #DISPATCHED} 60,
 * {@value #NEW_EMPLOYMENT_FORM} 80, {@value #HIGH_LEVEL_TALENT} 20.</li>
 * </ul>
 */
public final class SyntheticPeople {

	/** Regular employee. */
	public static final String ON_THE_JOB = "ON_THE_JOB";

	/** Rural migrant worker (农民工). */
	public static final String MIGRANT_WORKER = "MIGRANT_WORKER";

	/** Agency (dispatched) worker. */
	public static final String DISPATCHED = "DISPATCHED";

	/** Platform / gig worker (新就业形态劳动者). */
	public static final String NEW_EMPLOYMENT_FORM = "NEW_EMPLOYMENT_FORM";

	/** High-level talent. */
	public static final String HIGH_LEVEL_TALENT = "HIGH_LEVEL_TALENT";

	static final int FIRST_BIRTH_YEAR = 1960;
	static final int LAST_BIRTH_YEAR = 2004;

	private static final Weighted<String> EMPLOYMENT_TYPES = Weighted.<String>builder()
			.add(ON_THE_JOB, 340).add(MIGRANT_WORKER, 100).add(DISPATCHED, 60)
			.add(NEW_EMPLOYMENT_FORM, 80).add(HIGH_LEVEL_TALENT, 20).build();

	private static final Weighted<String> LOCAL_REGIONS = Weighted.<String>builder()
			.add("371002", 350).add("371003", 200).add("371082", 200).add("371083", 150)
			.add("371302", 20).add("370102", 20).add("410102", 20).add("342201", 20).add("130102", 20).build();

	private static final Weighted<String> MIGRANT_REGIONS = Weighted.<String>builder()
			.add("371003", 50).add("371082", 50).add("371083", 50)
			.add("371302", 200).add("371321", 100).add("371702", 100).add("370102", 50)
			.add("410102", 150).add("342201", 150).add("130102", 100).build();

	private static final Weighted<String> SURNAMES = surnames();

	static final List<String> MALE_GIVEN = chars(
			"伟强磊军勇杰涛明超刚平辉鹏华建国文斌宇浩凯健俊帆帅旭宁龙林波海峰鑫亮成东飞晨阳毅泽博轩然宏志立新"
					+ "永兴庆德福贵荣昌盛安康泰和顺利振中广金山川江天光宝长生忠义胜彬坤睿子一嘉");

	static final List<String> FEMALE_GIVEN = chars(
			"芳娜敏静丽艳娟秀霞桂英玉兰萍红欣佳雪婷琳晶颖倩洁慧莉丹蕾薇燕玲梅凤琴云莹艺琪雨萱涵思诗欢悦瑶"
					+ "怡馨婧茜露月春秋冬晓美娇妍璐珊彤婉淑惠珍翠菲蓉岚青爽楠");

	private static final String[] MOBILE_PREFIXES = mobilePrefixes();

	private final RandomGenerator random;

	/**
	 * Creates a generator backed by a {@link SplittableRandom} with the given seed.
	 *
	 * @param seed the seed
	 */
	public SyntheticPeople(long seed) {
		this(new SplittableRandom(seed));
	}

	/**
	 * Creates a generator drawing from the given source of randomness.
	 *
	 * @param random the source; it is used, not copied
	 */
	public SyntheticPeople(RandomGenerator random) {
		this.random = Objects.requireNonNull(random, "random");
	}

	/**
	 * Generates the next person.
	 *
	 * @return a new synthetic person
	 */
	public SyntheticPerson next() {
		String employmentType = EMPLOYMENT_TYPES.pick(random);
		Gender gender = random.nextInt(100) < 52 ? Gender.MALE : Gender.FEMALE;
		LocalDate birthDate = birthDate();
		String name = SURNAMES.pick(random) + givenName(gender);
		Weighted<String> regions = MIGRANT_WORKER.equals(employmentType) ? MIGRANT_REGIONS : LOCAL_REGIONS;
		String idNumber = idNumber(regions.pick(random), birthDate, gender);
		return new SyntheticPerson(name, idNumber, gender, birthDate, phone(), employmentType);
	}

	private LocalDate birthDate() {
		int year = random.nextInt(FIRST_BIRTH_YEAR, LAST_BIRTH_YEAR + 1);
		return LocalDate.ofYearDay(year, 1 + random.nextInt(LocalDate.of(year, 1, 1).lengthOfYear()));
	}

	private String givenName(Gender gender) {
		List<String> pool = gender == Gender.MALE ? MALE_GIVEN : FEMALE_GIVEN;
		String first = pool.get(random.nextInt(pool.size()));
		if (random.nextInt(10) < 3) {
			return first;
		}
		return first + pool.get(random.nextInt(pool.size()));
	}

	private String idNumber(String region, LocalDate birthDate, Gender gender) {
		int genderDigit = 2 * random.nextInt(5) + (gender == Gender.MALE ? 1 : 0);
		String first17 = String.format(Locale.ROOT, "%s%04d%02d%02d%02d%d", region, birthDate.getYear(),
				birthDate.getMonthValue(), birthDate.getDayOfMonth(), random.nextInt(100), genderDigit);
		return first17 + ResidentIdNumber.checkDigit(first17);
	}

	private String phone() {
		String prefix = MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)];
		return prefix + String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000));
	}

	private static String[] mobilePrefixes() {
		int[][] ranges = { { 130, 139 }, { 150, 153 }, { 155, 159 }, { 170, 170 }, { 176, 178 }, { 180, 189 },
				{ 198, 199 } };
		return Arrays.stream(ranges)
				.flatMap(r -> IntStream.rangeClosed(r[0], r[1]).boxed())
				.map(String::valueOf)
				.toArray(String[]::new);
	}

	private static List<String> chars(String text) {
		return text.codePoints().mapToObj(Character::toString).toList();
	}

	/** Approximate frequencies per 10,000 people. */
	private static Weighted<String> surnames() {
		return Weighted.<String>builder()
				.add("王", 712).add("李", 700).add("张", 674).add("刘", 510).add("陈", 461).add("杨", 322)
				.add("赵", 229).add("黄", 245).add("周", 199).add("吴", 205).add("徐", 145).add("孙", 200)
				.add("胡", 116).add("朱", 128).add("高", 100).add("林", 102).add("何", 106).add("郭", 113)
				.add("马", 129).add("罗", 95).add("梁", 85).add("宋", 73).add("郑", 88).add("谢", 75)
				.add("韩", 64).add("唐", 71).add("冯", 62).add("于", 150).add("董", 52).add("萧", 54)
				.add("程", 43).add("曹", 61).add("袁", 50).add("邓", 62).add("许", 66).add("傅", 26)
				.add("沈", 38).add("曾", 55).add("彭", 56).add("吕", 40).add("苏", 42).add("卢", 37)
				.add("蒋", 48).add("蔡", 47).add("贾", 28).add("丁", 40).add("魏", 41).add("薛", 22)
				.add("叶", 44).add("阎", 22).add("余", 46).add("潘", 50).add("杜", 45).add("戴", 15)
				.add("夏", 27).add("钟", 34).add("汪", 31).add("田", 52).add("任", 39).add("姜", 36)
				.add("范", 30).add("方", 26).add("石", 29).add("姚", 37).add("谭", 33).add("廖", 28)
				.add("邹", 25).add("熊", 24).add("金", 30).add("陆", 32).add("郝", 18).add("孔", 14)
				.add("白", 25).add("崔", 35).add("康", 13).add("毛", 19).add("邱", 24).add("秦", 24)
				.add("江", 23).add("史", 21).add("顾", 19).add("侯", 21).add("邵", 17).add("孟", 25)
				.add("龙", 21).add("万", 17).add("段", 22).add("钱", 17).add("汤", 14).add("尹", 23)
				.add("黎", 20).add("易", 13).add("常", 13).add("武", 15).add("乔", 13).add("贺", 20)
				.add("赖", 13).add("龚", 18).add("文", 13).add("丛", 30).add("鞠", 20)
				.build();
	}

	/** Immutable weighted choice over a fixed list, by binary search on cumulative weights. */
	private static final class Weighted<T> {

		private final List<T> values;
		private final int[] cumulative;

		private Weighted(List<T> values, int[] cumulative) {
			this.values = values;
			this.cumulative = cumulative;
		}

		static <T> Builder<T> builder() {
			return new Builder<>();
		}

		T pick(RandomGenerator random) {
			int ticket = random.nextInt(cumulative[cumulative.length - 1]);
			int index = Arrays.binarySearch(cumulative, ticket + 1);
			return values.get(index >= 0 ? index : -index - 1);
		}

		static final class Builder<T> {

			private final List<T> values = new ArrayList<>();
			private final List<Integer> weights = new ArrayList<>();

			Builder<T> add(T value, int weight) {
				values.add(value);
				weights.add(weight);
				return this;
			}

			Weighted<T> build() {
				int[] cumulative = new int[weights.size()];
				int total = 0;
				for (int i = 0; i < cumulative.length; i++) {
					total += weights.get(i);
					cumulative[i] = total;
				}
				return new Weighted<>(List.copyOf(values), cumulative);
			}
		}
	}
}
