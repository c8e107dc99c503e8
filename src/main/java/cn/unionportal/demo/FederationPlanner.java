package cn.unionportal.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import cn.unionportal.demo.FederationPlan.Affiliation;
import cn.unionportal.demo.PlaceNames.District;
import cn.unionportal.member.SyntheticPeople;
import cn.unionportal.organization.CreditCode;
import cn.unionportal.organization.OrganizationType;

import static cn.unionportal.organization.OrganizationType.BRANCH;
import static cn.unionportal.organization.OrganizationType.DISTRICT_FEDERATION;
import static cn.unionportal.organization.OrganizationType.GRASSROOTS_UNION;
import static cn.unionportal.organization.OrganizationType.INDUSTRY_CHAIN_FEDERATION;
import static cn.unionportal.organization.OrganizationType.INDUSTRY_FEDERATION;
import static cn.unionportal.organization.OrganizationType.REGIONAL_FEDERATION;
import static cn.unionportal.organization.OrganizationType.TOWNSHIP_UNION;

/**
 * Works out a synthetic federation under the municipal federation, deterministically from a size
 * and a seed: district-level federations (the real Weihai ones first), towns and streets spread over
 * them in proportion to the real numbers, regional and industry federations under towns or
 * districts, industry-chain federations under districts, grassroots unions with valid unified social
 * credit codes under towns (55%), federations (15%), districts (29%) or the root (1%), branches, about
 * one grassroots union in ten affiliated with an industry chain (of its own district when it has
 * one), and the members of each member home ({@link MemberAllocation}). Every parent/child pair is
 * one {@link OrganizationType#mayContain allowed} by the type rules.
 */
final class FederationPlanner {

	static final double AFFILIATED_SHARE = 0.10;

	private static final String CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final String CITY_REGION = "371000";

	private final FederationSize size;

	private final SplittableRandom random;

	private final SyntheticPeople chairs;

	private final List<PlannedOrganization> organizations = new ArrayList<>();

	private final Set<String> names = new HashSet<>();

	private final Set<String> creditCodes = new HashSet<>();

	private final List<Integer> districts = new ArrayList<>();

	private final List<Integer> towns = new ArrayList<>();

	private final List<Integer> federations = new ArrayList<>();

	private final List<Integer> chains = new ArrayList<>();

	private final List<Integer> unions = new ArrayList<>();

	private final List<Integer> branches = new ArrayList<>();

	/** Short place names (towns, districts) that federation names start with, by plan index. */
	private final Map<Integer, String> places = new HashMap<>();

	private FederationPlanner(FederationSize size, long seed) {
		this.size = size;
		this.random = new SplittableRandom(seed);
		this.chairs = new SyntheticPeople(seed ^ 0x5DEECE66DL);
	}

	static FederationPlan plan(FederationSize size, long seed) {
		return new FederationPlanner(size, seed).build();
	}

	private FederationPlan build() {
		addDistricts();
		addTowns();
		addFederations();
		addChains();
		addUnions();
		addBranches();
		List<Affiliation> affiliations = affiliate();
		return new FederationPlan(List.copyOf(organizations), affiliations, allocateMembers());
	}

	private void addDistricts() {
		for (int i = 0; i < size.districts(); i++) {
			District known = i < PlaceNames.DISTRICTS.size() ? PlaceNames.DISTRICTS.get(i) : null;
			String name = known != null ? known.name() : "威海第" + (i + 1) + "功能区总工会";
			String place = known != null ? known.shortName() : "第" + (i + 1) + "功能区";
			int index = add(PlannedOrganization.ROOT, i, DISTRICT_FEDERATION, name, chair(), date(1985, 2005), null);
			districts.add(index);
			places.put(index, place);
		}
	}

	private void addTowns() {
		double[] weights = new double[size.districts()];
		for (int i = 0; i < weights.length; i++) {
			weights[i] = i < PlaceNames.DISTRICTS.size() ? PlaceNames.DISTRICTS.get(i).towns().size() : 4;
		}
		int[] perDistrict = MemberAllocation.spread(weights, size.towns());
		for (int d = 0; d < perDistrict.length; d++) {
			List<String> pool = d < PlaceNames.DISTRICTS.size() ? PlaceNames.DISTRICTS.get(d).towns() : List.of();
			for (int t = 0; t < perDistrict[d]; t++) {
				String place = t < pool.size() ? pool.get(t) : places.get(districts.get(d)) + "第" + (t + 1) + "街道";
				int index = add(districts.get(d), d, TOWNSHIP_UNION, unique(place + "工会"), chair(), date(1990, 2015),
						null);
				towns.add(index);
				places.put(index, place);
			}
		}
	}

	private void addFederations() {
		for (int i = 0; i < size.federations(); i++) {
			int parent = !towns.isEmpty() && random.nextInt(100) < 75 ? pick(towns) : pick(districts);
			String place = places.get(parent);
			boolean industry = i % 2 == 1;
			String name = null;
			for (int attempt = 0; attempt < 20 && (name == null || names.contains(name)); attempt++) {
				name = industry ? place + pick(PlaceNames.INDUSTRY_TRADES) + "行业工会联合会"
						: place + pick(PlaceNames.REGIONAL_THEMES) + (random.nextBoolean() ? "联合工会" : "工会联合会");
			}
			federations.add(add(parent, districtOf(parent), industry ? INDUSTRY_FEDERATION : REGIONAL_FEDERATION,
					unique(name), chair(), date(2005, 2022), null));
		}
	}

	private void addChains() {
		for (int i = 0; i < size.chains(); i++) {
			PlaceNames.Chain known = i < PlaceNames.CHAINS.size() ? PlaceNames.CHAINS.get(i) : null;
			int district;
			String name;
			if (known != null && known.district() < districts.size()) {
				district = known.district();
				name = known.name();
			}
			else {
				district = i % districts.size();
				name = places.get(districts.get(district))
						+ PlaceNames.CHAIN_INDUSTRIES.get(i % PlaceNames.CHAIN_INDUSTRIES.size()) + "产业链工会联合会";
			}
			chains.add(add(districts.get(district), district, INDUSTRY_CHAIN_FEDERATION, unique(name), chair(),
					date(2019, 2024), null));
		}
	}

	private void addUnions() {
		for (int i = 0; i < size.grassroots(); i++) {
			int roll = random.nextInt(100);
			int parent;
			if (roll < 55 && !towns.isEmpty()) {
				parent = pick(towns);
			}
			else if (roll < 70 && !federations.isEmpty()) {
				parent = pick(federations);
			}
			else if (roll < 99) {
				parent = pick(districts);
			}
			else {
				parent = PlannedOrganization.ROOT;
			}
			int district = districtOf(parent);
			District known = district >= 0 && district < PlaceNames.DISTRICTS.size() ? PlaceNames.DISTRICTS.get(district)
					: null;
			String prefix = known == null ? "威海" : known.enterprisePrefix();
			String region = known == null ? CITY_REGION : known.region();
			unions.add(add(parent, district, GRASSROOTS_UNION, unique(enterpriseName(prefix) + "工会"),
					random.nextInt(10) < 7 ? chair() : null, date(1985, 2024), creditCode(region)));
		}
	}

	private void addBranches() {
		Map<Integer, Set<String>> used = new HashMap<>();
		int room = (unions.size() + federations.size()) * PlaceNames.BRANCHES.size() / 2;
		for (int i = 0; i < Math.min(size.branches(), room); i++) {
			int parent = !federations.isEmpty() && random.nextInt(10) < 3 ? pick(federations) : pick(unions);
			Set<String> taken = used.computeIfAbsent(parent, p -> new HashSet<>());
			if (taken.size() == PlaceNames.BRANCHES.size()) {
				i--;
				continue;
			}
			String name;
			do {
				name = pick(PlaceNames.BRANCHES);
			}
			while (!taken.add(name));
			branches.add(add(parent, districtOf(parent), BRANCH, name, null, date(2010, 2024), null));
		}
	}

	private List<Affiliation> affiliate() {
		List<Affiliation> affiliations = new ArrayList<>();
		if (chains.isEmpty()) {
			return affiliations;
		}
		for (int union : unions) {
			if (random.nextDouble() >= AFFILIATED_SHARE) {
				continue;
			}
			int district = organizations.get(union).district();
			List<Integer> near = chains.stream().filter(c -> organizations.get(c).district() == district).toList();
			affiliations.add(new Affiliation(union, pick(near.isEmpty() ? chains : near)));
		}
		return affiliations;
	}

	/**
	 * Grassroots unions get power-law sizes; federations (as joint unions of small employers) and
	 * branches get about twice the smallest grassroots union each.
	 */
	private int[] allocateMembers() {
		double[] unionWeights = MemberAllocation.powerLaw(unions.size(), random);
		double small = 2 * Math.pow(Math.max(1, unions.size()), -MemberAllocation.EXPONENT);
		double[] weights = new double[organizations.size()];
		for (int i = 0; i < unions.size(); i++) {
			weights[unions.get(i)] = unionWeights[i];
		}
		for (int federation : federations) {
			weights[federation] = small;
		}
		for (int branch : branches) {
			weights[branch] = small;
		}
		return MemberAllocation.spread(weights, size.members());
	}

	private int add(int parent, int district, OrganizationType type, String name, String chair, LocalDate foundedOn,
			String creditCode) {
		OrganizationType parentType = parent == PlannedOrganization.ROOT ? OrganizationType.MUNICIPAL_FEDERATION
				: organizations.get(parent).type();
		if (!parentType.mayContain(type)) {
			throw new IllegalStateException(parentType + " may not contain " + type);
		}
		int index = organizations.size();
		organizations.add(new PlannedOrganization(index, parent, district, type, name, chair, foundedOn, creditCode));
		return index;
	}

	private int districtOf(int parent) {
		return parent == PlannedOrganization.ROOT ? -1 : organizations.get(parent).district();
	}

	/** Names are unique in the whole plan, which keeps sibling names unique too. */
	private String unique(String name) {
		String candidate = name;
		for (int n = 2; !names.add(candidate); n++) {
			candidate = name.endsWith("工会") ? name.substring(0, name.length() - 2) + n + "工会" : name + n;
		}
		return candidate;
	}

	private String enterpriseName(String prefix) {
		String brand;
		do {
			brand = brandChar() + brandChar();
		}
		while (brand.charAt(0) == brand.charAt(1));
		return prefix + brand + pick(PlaceNames.TRADES) + pick(PlaceNames.FORMS);
	}

	private String brandChar() {
		int at = random.nextInt(PlaceNames.BRAND_CHARS.length());
		return PlaceNames.BRAND_CHARS.substring(at, at + 1);
	}

	/** 91 (enterprise, company) + division code + 9-character organization code + check character. */
	private String creditCode(String region) {
		String code;
		do {
			StringBuilder body = new StringBuilder("91").append(region);
			for (int i = 0; i < 9; i++) {
				// mostly digits, as most organization codes are
				body.append(random.nextInt(10) < 8 ? CODE_ALPHABET.charAt(random.nextInt(10))
						: CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
			}
			code = body.toString() + CreditCode.checkCharacter(body.toString());
		}
		while (!creditCodes.add(code));
		return code;
	}

	private String chair() {
		return chairs.next().name();
	}

	private LocalDate date(int fromYear, int toYear) {
		LocalDate from = LocalDate.of(fromYear, 1, 1);
		int days = (int) (LocalDate.of(toYear, 12, 31).toEpochDay() - from.toEpochDay());
		return from.plusDays(random.nextInt(days + 1));
	}

	private <T> T pick(List<T> values) {
		return values.get(random.nextInt(values.size()));
	}
}
