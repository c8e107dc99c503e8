/**
 * Member self-service: members activate an account with their card, ID and mobile numbers,
 * sign in at the same {@code /login} as staff and see their own card, aid and benefits under
 * {@code /me}. A member principal never carries a staff role.
 */
package cn.unionportal.selfservice;
