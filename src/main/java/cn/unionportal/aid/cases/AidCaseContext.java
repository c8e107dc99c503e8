package cn.unionportal.aid.cases;

import cn.unionportal.aid.files.HardshipTier;
import cn.unionportal.aid.funding.AidPolicyValues;

import cn.unionportal.member.MemberView;

/**
 * What the record form needs to know before anything is entered: the member (in scope), the
 * household file if the case belongs to one (and the tier it gives), the year and its policy.
 */
public record AidCaseContext(MemberView member, Long fileId, HardshipTier tier, int year, AidPolicyValues policy) {
}
