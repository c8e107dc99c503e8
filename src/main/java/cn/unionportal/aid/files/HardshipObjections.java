package cn.unionportal.aid.files;

import cn.unionportal.aid.AidPermissions;
import cn.unionportal.aid.files.HardshipFileEvent.Outcome;
import cn.unionportal.aid.files.HardshipFileEvent.Step;
import cn.unionportal.shared.ConflictException;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Objections during a file's public notice (issue 9, split from {@link HardshipFileManagement}):
 * anyone in scope raises one; the federation resolves it, and an upheld objection rejects the file.
 */
@Service
public class HardshipObjections {

	private final HardshipFileRecords records;

	private final HardshipObjectionRepository objections;

	private final AidPermissions permissions;

	HardshipObjections(HardshipFileRecords records, HardshipObjectionRepository objections,
			AidPermissions permissions) {
		this.records = records;
		this.objections = objections;
		this.permissions = permissions;
	}

	@Transactional
	public void raise(CurrentUser user, long id, String content) {
		HardshipFile file = records.load(user, id);
		if (file.getStatus() != FileStatus.PUBLIC_NOTICE) {
			throw HardshipFileRecords.wrongStep();
		}
		String text = HardshipFileRecords.required(content, "content");
		objections.saveAndFlush(new HardshipObjection(id, text, user.username(), records.now()));
		records.step(file, Step.OBJECTION_RAISED, Outcome.RECORDED, text, user);
		records.audit(user, "OBJECTION_RAISED", file, null);
	}

	/**
	 * Resolves an objection. An upheld objection rejects the file, with the resolution as the
	 * reason the applicant sees.
	 */
	@Transactional
	public void resolve(CurrentUser user, long id, long objectionId, long version, boolean upheld,
			String resolution) {
		HardshipFile file = records.load(user, id);
		permissions.requireFederationLevel(user);
		HardshipObjection objection = objections.findById(objectionId)
			.filter(o -> o.getFileId() == id)
			.orElseThrow(() -> new NotFoundException("objection", objectionId));
		if (objection.getVersion() != version || objection.isResolved()) {
			throw new ConflictException("objection " + objectionId + " changed meanwhile");
		}
		String text = HardshipFileRecords.required(resolution, "resolution");
		objection.resolve(upheld, text, user.username(), records.now());
		objections.saveAndFlush(objection);
		records.step(file, Step.OBJECTION_RESOLVED, upheld ? Outcome.UPHELD : Outcome.DISMISSED, text, user);
		if (upheld && file.getStatus() == FileStatus.PUBLIC_NOTICE) {
			file.reject(text, records.now());
			records.save(file);
			records.step(file, Step.FEDERATION_REVIEW, Outcome.REJECTED, text, user);
		}
		records.audit(user, "OBJECTION_RESOLVED", file, upheld ? "upheld" : "dismissed");
	}
}
