package cn.unionportal.aid.files;

import org.springframework.core.io.Resource;

/**
 * An evidence file to send: its (sanitized) original name, the sniffed content type and the bytes.
 */
public record AttachmentDownload(String fileName, String contentType, long sizeBytes, Resource content) {
}
