/** `/news <topic>`: a briefing, ephemeral with a Share button (or in the channel, per SLACK_RESPONSE). */
import { buildBriefing } from '../briefings.js';
import { ephemeral, inChannel, type SlackCommandHandler } from '../handler.js';
import { renderBriefing } from '../render/briefing.js';

export const brief: SlackCommandHandler<'brief'> = {
  kind: 'brief',
  async run(command, invocation, { context, settings }) {
    const briefing = buildBriefing(context, command.topic, {
      now: invocation.now,
      offset: 0,
      limit: settings.briefingStories,
    });
    const message = renderBriefing(briefing, { response: settings.response });
    return {
      outcome: 'ok',
      replies: [settings.response === 'in_channel' ? inChannel(message) : ephemeral(message)],
    };
  },
};
