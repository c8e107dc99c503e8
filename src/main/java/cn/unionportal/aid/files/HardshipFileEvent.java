package cn.unionportal.aid.files;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entry of a file's timeline: a step, its outcome, the comment, who and when. */
@Entity
@Table(name = "hardship_file_event")
public class HardshipFileEvent {

	/** Steps of the timeline. */
	enum Step {
		APPLIED, GRASSROOTS_REVIEW, HOME_VISIT, FEDERATION_REVIEW, OBJECTION_RAISED, OBJECTION_RESOLVED, FILED,
		YEARLY_REVIEW, INCOME_UPDATED, RELAPSE_FLAGGED, CLOSED
	}

	/** Outcomes of a step. */
	enum Outcome {
		RECORDED, APPROVED, REJECTED, UPHELD, DISMISSED
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "file_id", nullable = false)
	private long fileId;

	@Column(nullable = false, length = 40)
	private String step;

	@Column(nullable = false, length = 20)
	private String outcome;

	@Column(length = 2000)
	private String comment;

	@Column(nullable = false, length = 50)
	private String actor;

	@Column(name = "occurred_at", nullable = false)
	private Instant occurredAt;

	protected HardshipFileEvent() {
	}

	HardshipFileEvent(long fileId, Step step, Outcome outcome, String comment, String actor, Instant at) {
		this.fileId = fileId;
		this.step = step.name();
		this.outcome = outcome.name();
		this.comment = comment;
		this.actor = actor;
		this.occurredAt = at;
	}

	String getStep() {
		return step;
	}

	String getOutcome() {
		return outcome;
	}

	String getComment() {
		return comment;
	}

	String getActor() {
		return actor;
	}

	Instant getOccurredAt() {
		return occurredAt;
	}
}
