/**
 * Display masking of personal data (document numbers, phone numbers, names,
 * bank cards) for pages, exports and logs.
 */
package cn.unionportal.shared.masking;
