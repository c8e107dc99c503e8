package cn.unionportal.competition;

/** The lifecycle of a competition, in order; each step moves to the next one only. */
public enum CompetitionStatus {

	DRAFT, REGISTRATION_OPEN, REGISTRATION_CLOSED, IN_PROGRESS, SCORING, NOTICE, PUBLISHED, ARCHIVED;

	public CompetitionStatus next() {
		return this == ARCHIVED ? null : values()[ordinal() + 1];
	}

	/** Judges mark while the competition runs and during scoring. */
	public boolean marking() {
		return this == IN_PROGRESS || this == SCORING;
	}

	/** Results are visible to the public from the notice on. */
	public boolean resultsPublic() {
		return this == NOTICE || this == PUBLISHED || this == ARCHIVED;
	}
}
