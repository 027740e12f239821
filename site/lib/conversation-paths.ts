/**
 * The static path of the one conversation page (routes.conversationShell): every mirrored
 * thread is served in it (api/routes/portal-lists.ts), so the build does not grow with them.
 */
export function conversationPaths(): Array<{ params: { id: string } }> {
  return [{ params: { id: '_' } }];
}
