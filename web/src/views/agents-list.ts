import { h } from '../dom.js';
import { formatUsd } from '../format.js';
import { type Agent, PROVIDER } from '../types.js';
import { type AppContext, pageHeading } from './app-context.js';

/** The workspace's agents, each a link (named after the agent) to its settings. */
export async function agentsListView(app: AppContext): Promise<HTMLElement> {
  const agents = await app.session.api.listAgents();
  const list =
    agents.length === 0
      ? h('p', { class: 'notice' }, 'This workspace has no agents yet.')
      : h('ul', { class: 'agent-list' }, ...agents.map(agentItem));

  return h(
    'div',
    {},
    pageHeading('Agents'),
    h(
      'p',
      { class: 'page__lead' },
      'Choose an agent to see which Anthropic key it uses, its model and its daily spend cap.',
    ),
    list,
  );
}

function agentItem(agent: Agent): HTMLLIElement {
  const byo = agent.llmProvider === PROVIDER.byo;
  return h(
    'li',
    { class: 'agent-list__item' },
    h(
      'a',
      { href: `#/agents/${encodeURIComponent(agent.id)}`, class: 'agent-list__link' },
      agent.name,
    ),
    h(
      'p',
      { class: 'agent-list__meta' },
      h('span', { class: `badge ${byo ? 'badge--byo' : ''}` }, byo ? 'BYO key' : 'Hosted'),
      h('span', {}, agent.llmModel),
      h('span', {}, `Cap ${formatUsd(agent.dailySpendCapCents)} a day`),
    ),
  );
}
