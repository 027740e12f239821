/**
 * Every action the audit log is written with, in one list: `recordAudit` accepts no other,
 * and the audit-log viewer must have a sentence for each (api/staff/audit/sentences.ts), so
 * a new action cannot reach the log without one. Old entries keep their action names: an
 * action stays in this list as long as entries with it may exist (five years).
 */
export const AUDIT_ACTIONS = [
  'api_key.created',
  'api_key.revoked',
  'audit.exported',
  'consultation.created',
  'consultation.outcome_published',
  'consultation.stage_changed',
  'consultation.updated',
  'email_link.sent',
  'embed_origin.added',
  'embed_origin.removed',
  'email_link.used',
  'insights.exported',
  'insights.theme_corrected',
  'mail.unsubscribed',
  'office_calendar.changed',
  'personal_data.searched',
  'reply_template.created',
  'reply_template.deleted',
  'reply_template.updated',
  'retention.policy_set',
  'retention.purged',
  'routing_rule.created',
  'routing_rule.deleted',
  'seed.submission',
  'sentiment.corrected',
  'social_account.connected',
  'social_account.revoked',
  'social_author.erased',
  'social_author.exported',
  'social_media.described',
  'social_media.description_removed',
  'social_post.answered',
  'social_post.assigned',
  'social_post.decision',
  'social_post.note',
  'social_post.post_failed',
  'social_post.posted',
  'social_thread.deleted',
  'social_thread.imported',
  'social_thread.reimported',
  'social_thread.removed_at_source',
  'social_thread.synced',
  'staff.created',
  'staff.deactivated',
  'staff.invitation_accepted',
  'staff.invited',
  'staff.login',
  'staff.login_failed',
  'staff.login_throttled',
  'staff.logout',
  'staff.reactivated',
  'staff.roles_changed',
  'submission.answered',
  'submission.assigned',
  'submission.decision',
  'submission.erased',
  'submission.exported',
  'submission.hidden_after_reports',
  'submission.note',
  'submission.received',
  'submission.reported',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

const known: ReadonlySet<string> = new Set(AUDIT_ACTIONS);

/** Whether a stored action is one of ours (an entry from an older version may not be). */
export function isAuditAction(action: string): action is AuditAction {
  return known.has(action);
}
