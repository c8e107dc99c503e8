package cn.unionportal.demo;

import java.util.List;

/**
 * Names the generator draws on: the district-level federations of Weihai with their division codes
 * and townships and streets, themes of regional and industry federations, the priority industry
 * chains, and the parts of enterprise names.
 */
final class PlaceNames {

	/**
	 * A district-level federation: its name, short name, administrative division code (for credit
	 * codes), the prefix its enterprises' names start with, and its towns and streets.
	 */
	record District(String name, String shortName, String region, String enterprisePrefix, List<String> towns) {
	}

	static final List<District> DISTRICTS = List.of(
			new District("环翠区总工会", "环翠区", "371002", "威海", List.of("环翠楼街道", "鲸园街道", "竹岛街道",
					"孙家疃街道", "张村镇", "羊亭镇", "温泉镇")),
			new District("文登区总工会", "文登区", "371003", "威海文登", List.of("龙山街道", "天福街道", "环山街道",
					"文登营镇", "大水泊镇", "张家产镇", "高村镇", "泽库镇", "侯家镇", "宋村镇", "泽头镇", "小观镇", "葛家镇",
					"米山镇", "界石镇")),
			new District("荣成市总工会", "荣成市", "371082", "荣成", List.of("崖头街道", "城西街道", "宁津街道",
					"港湾街道", "桃园街道", "王连街道", "东山街道", "斥山街道", "寻山街道", "崂山街道", "俚岛镇", "成山镇",
					"埠柳镇", "港西镇", "夏庄镇", "崖西镇", "荫子镇", "滕家镇", "大疃镇", "上庄镇", "虎山镇", "人和镇")),
			new District("乳山市总工会", "乳山市", "371083", "乳山", List.of("城区街道", "夏村镇", "乳山口镇",
					"海阳所镇", "白沙滩镇", "大孤山镇", "南黄镇", "冯家镇", "下初镇", "午极镇", "育黎镇", "崖子镇", "诸往镇",
					"乳山寨镇", "徐家镇")),
			new District("威海火炬高技术产业开发区总工会", "高新区", "371071", "威海", List.of("田和街道", "怡园街道",
					"双岛街道", "初村镇")),
			new District("威海经济技术开发区总工会", "经济技术开发区", "371072", "威海", List.of("皇冠街道", "凤林街道",
					"西苑街道", "泊于镇", "桥头镇", "崮山镇")),
			new District("威海临港经济技术开发区总工会", "临港区", "371073", "威海", List.of("草庙子镇", "汪疃镇",
					"苘山镇", "蔄山镇")),
			new District("南海新区总工会", "南海新区", "371003", "威海南海", List.of("观海街道", "南海街道")));

	/** Themes of regional federations (区域工会联合会 / 联合工会). */
	static final List<String> REGIONAL_THEMES = List.of("商贸区域", "楼宇", "工业园区", "小微企业", "商圈", "物流园区",
			"特色小镇", "电商产业园");

	/** Trades of industry federations (行业工会联合会). */
	static final List<String> INDUSTRY_TRADES = List.of("渔业", "农业", "文旅", "建筑", "餐饮", "家政", "物流",
			"医药", "汽修", "出租汽车", "快递", "养老服务");

	/** The priority industry chains, with the index of the district each sits in. */
	record Chain(int district, String name) {
	}

	static final List<Chain> CHAINS = List.of(new Chain(4, "高新区打印机产业链工会联合会"),
			new Chain(4, "高新区医疗器械产业链工会联合会"), new Chain(0, "环翠区碳纤维产业链工会联合会"),
			new Chain(2, "荣成市海洋食品产业链工会联合会"), new Chain(5, "经济技术开发区汽车及零部件产业链工会联合会"),
			new Chain(4, "高新区电子信息产业链工会联合会"), new Chain(2, "荣成市船舶与海工装备产业链工会联合会"),
			new Chain(1, "文登区纺织服装产业链工会联合会"), new Chain(6, "临港区新材料产业链工会联合会"),
			new Chain(3, "乳山市牡蛎产业链工会联合会"));

	/** Fallback industries for more chains than the list names. */
	static final List<String> CHAIN_INDUSTRIES = List.of("智能装备", "新能源", "生物医药", "机器人", "轮胎",
			"海洋牧场");

	/** Characters of enterprise brand names (two are combined). */
	static final String BRAND_CHARS = "鑫源华诚泰宏达盛兴隆昌海洋远航信德恒通丰瑞祥安康润泽嘉利金亿永光明新天宇龙凯伟博晨"
			+ "正聚合众联开元东方北南山川荣福佳美威锦绣辉煌旭日顺鼎立峰强";

	/** What enterprises do, as it appears in their names. */
	static final List<String> TRADES = List.of("电子", "机械", "精工", "海产品", "食品", "水产", "纺织", "服装", "船舶",
			"渔具", "医疗器械", "化工", "物流", "建筑工程", "房地产开发", "商贸", "汽车销售服务", "轮胎", "橡胶",
			"木业", "印刷", "包装", "家居", "生物科技", "信息技术", "软件", "新材料", "环保科技", "酒店管理", "旅游开发",
			"餐饮管理", "农业科技", "果业", "制药", "模具", "五金", "塑料制品", "电气", "能源", "港务");

	/** Legal forms, weighted towards the common one by repetition. */
	static final List<String> FORMS = List.of("有限公司", "有限公司", "有限公司", "有限公司", "股份有限公司",
			"集团有限公司", "有限责任公司");

	/** Names of branches (分会). */
	static final List<String> BRANCHES = List.of("机关分会", "生产分会", "销售分会", "研发分会", "物流分会",
			"后勤分会", "质检分会", "第一车间分会", "第二车间分会", "第三车间分会", "女职工分会", "青年职工分会");

	private PlaceNames() {
	}
}
