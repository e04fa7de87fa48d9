package org.duban.model;

/** Who verified the work before close-out (验收): 谁验收、谁负责. */
public enum VerificationLevel {
    /** 县级 */
    COUNTY,
    /** 市级 */
    CITY,
    /** 省级 */
    PROVINCE
}
