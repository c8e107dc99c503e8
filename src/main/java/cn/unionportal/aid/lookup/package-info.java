/** Public lookup: the public notice board (公示), the status lookup by code (一户一码), lookup codes. Part of the aid module (see the aid package). */
package cn.unionportal.aid.lookup;
