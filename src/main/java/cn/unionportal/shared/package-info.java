/**
 * Small, open building blocks used by every module: the current user and their scope,
 * exceptions that map to 404/409, paging and locale support for the web layer.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.unionportal.shared;
