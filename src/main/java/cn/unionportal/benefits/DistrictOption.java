package cn.unionportal.benefits;

/** A district federation to filter merchants by. */
public record DistrictOption(long id, String name) {
}
