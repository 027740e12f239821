/**
 * The staff workbench, composed: every screen group's routes, and the queue page with the
 * panels features add to it. The one place that knows all groups' routes, so no route
 * module imports another. The middleware they rely on (headers, same-origin check, the
 * session) is mounted in api/app.ts, in front of this.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { accountsApi } from './accounts/api.ts';
import { accountRoutes } from './accounts/routes.ts';
import { announcementRoutes } from './announcements/routes.ts';
import { apiKeyRoutes } from './api-keys/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { consultationAuthoringRoutes } from './consultations/routes.ts';
import { topicRoutes } from './consultations/topic-routes.ts';
import { calendarRoutes } from './calendar/routes.ts';
import { settingsRoutes } from './settings/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { oidcRoutes } from './auth/oidc-routes.ts';
import type { OidcProvider } from '../services/auth/oidc.ts';
import { signInSettingsRoutes } from './sign-in/routes.ts';
import { insightsRoutes } from './insights/routes.ts';
import { themeCorrectionRoutes } from './insights/theme-routes.ts';
import { staffAssets } from './kit/assets.ts';
import { staffOpenApi } from './kit/openapi.ts';
import { documentExistingStaffApi } from './documented-api.ts';
import type { StaffEnv } from './kit/guards.ts';
import type { PostingSettings } from '../services/social/accounts.ts';
import type { ImportSettings } from '../services/social/thread-admin.ts';
import type { StaffSessionOptions } from './kit/session.ts';
import { staffPrivacyRoutes } from './privacy/routes.ts';
import { notificationRoutes } from './notifications/routes.ts';
import { colleagueRoutes } from './colleagues/routes.ts';
import { secondFactorRoutes } from './second-factor/routes.ts';
import { embeddingRoutes } from './embedding/routes.ts';
import { queueApi } from './queue/api.ts';
import { privacyApi } from './privacy/api.ts';
import { colleaguesApi } from './colleagues/api.ts';
import { announcementsApi } from './announcements/api.ts';
import { embeddingApi } from './embedding/api.ts';
import { guidelinesApi } from './settings/guideline-api.ts';
import { organisationApi } from './settings/api.ts';
import { houseRulesApi } from './settings/house-rule-api.ts';
import { statementApi } from './settings/statement-api.ts';
import { topicsApi } from './consultations/topic-api.ts';
import { webcareApi } from './webcare/api.ts';
import { calendarApi } from './calendar/api.ts';
import { signInApi } from './sign-in/api.ts';
import { secondFactorApi } from './second-factor/api.ts';
import { createQueuePage, queueRoutes } from './queue/routes.ts';
import { presenceRoutes } from './queue/presence-routes.ts';
import { answerApprovalRoutes } from './queue/answer-approval-routes.ts';
import { savedViewRoutes } from './queue/saved-views-routes.ts';
import { staffThreadRoutes } from './threads/routes.ts';
import { threadPageRoutes } from './threads/page-routes.ts';
import { webcareQueuePanel } from './webcare/queue-panel.ts';
import { webcareRoutes } from './webcare/routes.ts';

export { THREAD_IMPORT_MAX_BYTES } from './threads/routes.ts';
export { THREAD_IMPORT_FORM_MAX_BYTES, threadPaths } from './threads/paths.ts';
export { threadImportTooLarge } from './threads/page-routes.ts';
export { ANNOUNCEMENT_FORM_MAX_BYTES } from './announcements/paths.ts';
export { LOGO_API_MAX_BYTES, ORGANISATION_FORM_MAX_BYTES, settingsPaths } from './settings/paths.ts';
export { LOGO_API_PATH } from './settings/api.ts';
export {
  CONSULTATION_IMAGE_API,
  CONSULTATION_IMAGE_FORM,
  CONSULTATION_IMAGE_FORM_MAX_BYTES,
  CONSULTATION_IMAGE_JSON_MAX_BYTES,
} from './consultations/paths.ts';

export type StaffWorkbenchOptions = StaffSessionOptions & {
  /** How staff imports read threads (config.threadImports). */
  threadImports?: (() => ImportSettings) | undefined;
  /** The key that seals connected accounts' tokens (config.secretKey). */
  socialPosting?: (() => PostingSettings) | undefined;
  /** The organisation's identity provider for staff sign-in (config.oidc). */
  oidc?: OidcProvider | undefined;
};

/**
 * An OpenAPIHono, so the JSON staff API's operations (each group's `api.ts`, and the plain
 * routes `documented-api.ts` describes) reach the document at /api/openapi.json.
 */
export function staffWorkbench(options: StaffWorkbenchOptions = {}): OpenAPIHono<StaffEnv> {
  const queuePage = createQueuePage({ webcare: webcareQueuePanel });
  const app = staffOpenApi();
  app.route('/', staffAssets());
  app.route('/', authRoutes(options));
  app.route('/', oidcRoutes(options));
  app.route('/', queueRoutes({ queuePage }));
  app.route('/', savedViewRoutes({ queuePage }));
  app.route('/', presenceRoutes());
  app.route('/', answerApprovalRoutes({ queuePage }));
  app.route('/', consultationAuthoringRoutes());
  app.route('/', topicRoutes());
  app.route('/', webcareRoutes());
  app.route('/', insightsRoutes());
  app.route('/', themeCorrectionRoutes());
  app.route('/', auditRoutes());
  app.route('/', staffThreadRoutes(options.threadImports ? { settings: options.threadImports } : {}));
  app.route('/', threadPageRoutes(options.threadImports ? { settings: options.threadImports } : {}));
  app.route('/', staffPrivacyRoutes());
  app.route('/', calendarRoutes());
  app.route('/', settingsRoutes());
  app.route('/', notificationRoutes());
  app.route(
    '/',
    accountRoutes(options.socialPosting ?? (() => ({ secretKey: undefined, allowPrivateHosts: false })), {
      publicUrl: options.publicUrl,
    }),
  );
  app.route('/', announcementRoutes({ publicUrl: options.publicUrl }));
  app.route('/', colleagueRoutes());
  app.route('/', embeddingRoutes());
  app.route('/', signInSettingsRoutes({ oidc: options.oidc }));
  // TOTP secrets are sealed with the same PODIUM_SECRET_KEY as connected accounts' tokens.
  app.route('/', secondFactorRoutes({ ...options, secretKey: () => options.socialPosting?.().secretKey }));
  app.route('/', apiKeyRoutes());
  // The JSON staff API in OpenAPI form.
  app.route('/', queueApi());
  app.route('/', privacyApi());
  app.route('/', colleaguesApi());
  app.route('/', accountsApi());
  app.route('/', embeddingApi());
  app.route('/', announcementsApi({ publicUrl: options.publicUrl }));
  app.route('/', guidelinesApi());
  app.route('/', organisationApi());
  app.route('/', houseRulesApi());
  app.route('/', statementApi());
  app.route('/', topicsApi());
  app.route('/', webcareApi());
  app.route('/', calendarApi());
  app.route('/', signInApi());
  app.route('/', secondFactorApi({ secretKey: () => options.socialPosting?.().secretKey }));
  documentExistingStaffApi(app.openAPIRegistry);
  return app;
}
