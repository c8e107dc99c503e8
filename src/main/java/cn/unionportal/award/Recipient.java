package cn.unionportal.award;

/** Whether an honour goes to a person or to a collective (an organization or team). */
public enum Recipient {
	PERSON, COLLECTIVE
}
