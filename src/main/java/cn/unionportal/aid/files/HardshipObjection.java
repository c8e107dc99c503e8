package cn.unionportal.aid.files;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An objection raised during a file's public notice, and how it was resolved. */
@Entity
@Table(name = "hardship_objection")
public class HardshipObjection {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "file_id", nullable = false)
	private long fileId;

	@Column(nullable = false, length = 2000)
	private String content;

	@Column(name = "raised_by", nullable = false, length = 50)
	private String raisedBy;

	@Column(name = "raised_at", nullable = false)
	private Instant raisedAt;

	@Column(length = 2000)
	private String resolution;

	private Boolean upheld;

	@Column(name = "resolved_by", length = 50)
	private String resolvedBy;

	@Column(name = "resolved_at")
	private Instant resolvedAt;

	@Version
	private long version;

	protected HardshipObjection() {
	}

	HardshipObjection(long fileId, String content, String raisedBy, Instant at) {
		this.fileId = fileId;
		this.content = content;
		this.raisedBy = raisedBy;
		this.raisedAt = at;
	}

	void resolve(boolean upheld, String resolution, String by, Instant at) {
		if (isResolved()) {
			throw new IllegalStateException("objection " + id + " is resolved");
		}
		this.upheld = upheld;
		this.resolution = resolution;
		this.resolvedBy = by;
		this.resolvedAt = at;
	}

	boolean isResolved() {
		return resolvedAt != null;
	}

	Long getId() {
		return id;
	}

	long getFileId() {
		return fileId;
	}

	String getContent() {
		return content;
	}

	String getRaisedBy() {
		return raisedBy;
	}

	Instant getRaisedAt() {
		return raisedAt;
	}

	String getResolution() {
		return resolution;
	}

	Boolean getUpheld() {
		return upheld;
	}

	String getResolvedBy() {
		return resolvedBy;
	}

	Instant getResolvedAt() {
		return resolvedAt;
	}

	long getVersion() {
		return version;
	}
}
