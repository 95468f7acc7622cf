import { h } from '../dom.js';
import { SettingsPanel } from '../settings/settings-panel.js';
import { type Agent, PROVIDER } from '../types.js';
import { type AppContext, pageHeading } from './app-context.js';
import { AuditLogPanel } from './audit-log.js';

export type AgentTab = 'settings' | 'audit';

/** One agent: its heading, the section links, and the settings or the audit log. */
export async function agentPageView(
  app: AppContext,
  agentId: string,
  tab: AgentTab,
): Promise<HTMLElement> {
  const { api, canManage } = app.session;
  const [versioned, spend] = await Promise.all([
    api.getAgent(agentId),
    tab === 'settings' ? api.daySpend(agentId).catch(() => undefined) : undefined,
  ]);
  const agent = versioned.agent;
  const lead = h('p', { class: 'page__lead' }, summary(agent));
  document.title = `${agent.name} · ${tab === 'audit' ? 'Audit log' : 'Settings'} · mapping.travel`;

  const content =
    tab === 'settings'
      ? new SettingsPanel({
          session: app.session,
          agent: versioned,
          spend,
          onSessionEnded: (error) => app.endSession(error),
          onReload: () => app.navigate(location.hash),
          onSaved: (saved) => {
            lead.textContent = summary(saved);
          },
        }).root
      : auditContent(app, agent, canManage);

  return h(
    'div',
    {},
    h(
      'nav',
      { class: 'breadcrumb', 'aria-label': 'Breadcrumb' },
      h('a', { href: '#/agents' }, 'Agents'),
      h('span', { 'aria-hidden': 'true' }, ' / '),
      h('span', { 'aria-current': 'page' }, agent.name),
    ),
    pageHeading(agent.name),
    lead,
    tabs(agent, tab, canManage),
    content,
  );
}

function summary(agent: Agent): string {
  const provider =
    agent.llmProvider === PROVIDER.byo ? "the workspace's own Anthropic key" : 'hosted Anthropic';
  return `Runs ${agent.llmModel} on ${provider}.`;
}

/** Section links; the audit log is only offered to those who may read it. */
function tabs(agent: Agent, current: AgentTab, canManage: boolean): HTMLElement {
  const base = `#/agents/${encodeURIComponent(agent.id)}`;
  const link = (tab: AgentTab, href: string, label: string) =>
    h(
      'a',
      { href, class: 'tabs__link', 'aria-current': tab === current ? 'page' : undefined },
      label,
    );
  return h(
    'nav',
    { class: 'tabs', 'aria-label': 'Agent sections' },
    link('settings', base, 'Settings'),
    canManage && link('audit', `${base}/audit`, 'Audit log'),
  );
}

function auditContent(app: AppContext, agent: Agent, canManage: boolean): HTMLElement {
  if (!canManage) {
    return h(
      'p',
      { class: 'notice' },
      'Only an OWNER or ADMIN of the workspace can read the audit log.',
    );
  }
  return new AuditLogPanel(app, agent.id).root;
}
