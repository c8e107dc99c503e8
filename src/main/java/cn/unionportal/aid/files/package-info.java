/** Household files (建档立卡): the file lifecycle (HardshipFileManagement), its attachments and access log. Part of the aid module (see the aid package). */
package cn.unionportal.aid.files;
