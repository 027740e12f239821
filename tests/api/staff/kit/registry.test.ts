/**
 * The registry of staff screens (api/staff/kit/registry.ts) against the role table
 * (../role-table.ts): the nav cannot offer a page that does not exist, nor one with a
 * different permission than its route asks, and a new page is either in the nav or
 * named below as reached another way.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { STAFF_ROLES, type StaffRole } from '../../../../api/services/auth/roles.ts';
import { STAFF_SCREENS, staffNav, visibleScreens } from '../../../../api/staff/kit/registry.ts';
import { ROUTES } from '../role-table.ts';

/** Staff pages that are not in the nav, and where people find them. */
const NOT_IN_NAV: Record<string, string> = {
  'GET /beheer/instellingen/huisregels': 'linked from the settings page, whose nav entry stays current',
  'GET /en/manage/settings/house-rules': 'linked from the settings page, whose nav entry stays current',
  'GET /beheer/instellingen/toegankelijkheidsverklaring':
    'linked from the settings page, whose nav entry stays current',
  'GET /en/manage/settings/accessibility-statement': 'linked from the settings page, whose nav entry stays current',
  'GET /beheer/instellingen/kanaalrichtlijnen': 'linked from the settings page, whose nav entry stays current',
  'GET /en/manage/settings/channel-guidelines': 'linked from the settings page, whose nav entry stays current',
  'GET /beheer/instellingen/organisatie': 'linked from the settings page, whose nav entry stays current',
  'GET /en/manage/settings/organisation': 'linked from the settings page, whose nav entry stays current',
  'GET /beheer/instellingen/afdelingen': 'linked from the settings page, whose nav entry stays current',
  'GET /en/manage/settings/departments': 'linked from the settings page, whose nav entry stays current',
  'GET /beheer/privacy/bewaartermijnen': 'linked from the privacy page, whose nav entry stays current',
  'GET /en/manage/privacy/retention': 'linked from the privacy page, whose nav entry stays current',
  'GET /beheer/weergaven': 'linked from "Mijn weergaven" in the queue, whose nav entry stays current',
  'GET /en/manage/views': 'linked from "My views" in the queue, whose nav entry stays current',
  'GET /beheer/consultaties-opstellen/nieuw': 'the button on "Consultaties opstellen", whose nav entry stays current',
  'GET /en/manage/consultation-authoring/new': 'the button on "Author consultations", whose nav entry stays current',
  'GET /beheer/aankondigingen/nieuw':
    'the form "Nieuwe aankondiging" on "Aankondigingen", whose nav entry stays current',
  'GET /en/manage/announcements/new': 'the form "New announcement" on "Announcements", whose nav entry stays current',
  'GET /beheer/inzichten/thema': 'the link "Thema aanpassen" beside each theme on "Inzichten"',
  'GET /en/manage/insights/theme': 'the link "Adjust theme" beside each theme on "Insights"',
  'GET /beheer/sociale-accounts/mastodon/terug':
    'not a page: where a Mastodon instance sends the browser back, which redirects to "Gekoppelde accounts"',
};

const roles = (role: StaffRole) => [{ role, departmentId: null }];

describe('the staff screen registry', () => {
  it('offers only pages that exist, with the permission their route asks for', () => {
    for (const screen of STAFF_SCREENS) {
      for (const lang of ['nl', 'en'] as const) {
        const key = `GET ${screen.path(lang)}`;
        assert.ok(key in ROUTES, `${screen.id}: ${key} is not in the role table`);
        assert.equal(ROUTES[key], screen.permission, `${screen.id}: the nav and the route disagree about ${key}`);
      }
    }
  });

  it('has every staff page in the nav, or says where people find it', () => {
    const inNav = new Set(STAFF_SCREENS.flatMap((s) => [`GET ${s.path('nl')}`, `GET ${s.path('en')}`]));
    const pages = Object.entries(ROUTES)
      .filter(([key, access]) => key.startsWith('GET /') && access !== 'public')
      // Pages of one item (`:id`), downloads and the JSON API are reached from a page, not from the nav.
      .filter(([key]) => !key.includes('/:') && !key.includes('/export') && !key.startsWith('GET /api/'))
      .map(([key]) => key);
    assert.deepEqual(
      pages.filter((key) => !inNav.has(key) && !(key in NOT_IN_NAV)),
      [],
      'pages that are neither in the nav nor in NOT_IN_NAV',
    );
    assert.deepEqual(
      Object.keys(NOT_IN_NAV).filter((key) => !pages.includes(key)),
      [],
      'NOT_IN_NAV names a page the role table does not have',
    );
  });

  it('gives every screen a unique id and a label in Dutch and English', () => {
    const ids = STAFF_SCREENS.map((s) => s.id);
    assert.deepEqual(ids, [...new Set(ids)]);
    for (const screen of STAFF_SCREENS) {
      assert.ok(screen.label.nl && screen.label.en, screen.id);
      assert.notEqual(screen.path('nl'), screen.path('en'), `${screen.id} has one address per language`);
    }
  });

  it('shows each role the screens it may open, in the order of the workbench', () => {
    const expected: Record<StaffRole, string[]> = {
      administrator: [
        'queue.home',
        'webcare.overdue',
        'webcare.consultations',
        'webcare.templates',
        'webcare.routing',
        'webcare.shortcuts',
        'threads.page',
        'consultations.authoring',
        'consultations.topics',
        'announcements.list',
        'calendar.home',
        'settings.home',
        'insights.page',
        'accounts.page',
        'audit.page',
        'privacy.home',
        'colleagues.list',
        'second-factor.policy',
        'embedding.page',
        'sign-in.mapping',
        'notifications.page',
        'second-factor.own',
        'api-keys.page',
      ],
      moderator: [
        'queue.home',
        'webcare.overdue',
        'webcare.consultations',
        'webcare.shortcuts',
        'threads.page',
        'insights.page',
        'notifications.page',
        'second-factor.own',
        'api-keys.page',
      ],
      webcare: [
        'queue.home',
        'webcare.overdue',
        'webcare.consultations',
        'webcare.shortcuts',
        'threads.page',
        'insights.page',
        'notifications.page',
        'second-factor.own',
        'api-keys.page',
      ],
      analyst: ['queue.home', 'insights.page', 'notifications.page', 'second-factor.own', 'api-keys.page'],
      department_member: [
        'queue.home',
        'webcare.overdue',
        'webcare.consultations',
        'webcare.shortcuts',
        'notifications.page',
        'second-factor.own',
        'api-keys.page',
      ],
      poster: ['queue.home', 'announcements.list', 'notifications.page', 'second-factor.own', 'api-keys.page'],
    };
    for (const role of STAFF_ROLES) {
      assert.deepEqual(
        visibleScreens(roles(role)).map((s) => s.id),
        expected[role],
        role,
      );
    }
  });

  it('builds the nav in the page language and marks the current page', () => {
    const nav = staffNav('en', roles('administrator'), '/en/manage/overdue');
    assert.deepEqual(nav[1], { id: 'webcare.overdue', href: '/en/manage/overdue', text: 'Overdue', current: true });
    assert.deepEqual(
      nav.filter((entry) => entry.current).map((entry) => entry.id),
      ['webcare.overdue'],
    );
    assert.equal(staffNav('nl', roles('administrator'))[0]?.text, 'Wachtrij');
  });

  it('keeps a section current on its sub-pages, and nothing else', () => {
    const current = (path: string) =>
      staffNav('nl', roles('administrator'), path)
        .filter((entry) => entry.current)
        .map((entry) => entry.id);
    assert.deepEqual(current('/beheer/privacy/bewaartermijnen'), ['privacy.home']);
    assert.deepEqual(current('/beheer/privacy'), ['privacy.home']);
    assert.deepEqual(current('/beheer/privacyverklaring'), [], 'a prefix of the name alone is not a sub-page');
    assert.deepEqual(current('/beheer/te-laat/iets'), [], 'screens without sub-pages match exactly');
    assert.deepEqual(current('/beheer/inloggen'), []);
  });
});
