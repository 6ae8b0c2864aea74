// Shapes shared by the RAM and EAS gateways.

export interface Page<T> {
  items: T[];
  /** RAM paging: pass back as `marker` while `isTruncated`. */
  marker?: string;
  isTruncated?: boolean;
  /** EAS paging. */
  totalCount?: number;
  pageNumber?: number;
  pageSize?: number;
}

/** Every write returns the cloud's RequestId, for the audit log. */
export interface WriteResult {
  requestId: string;
}

export interface Tag {
  key: string;
  value: string;
}
