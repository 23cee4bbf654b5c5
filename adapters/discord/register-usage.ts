/** Help of `newsbrief discord register`; kept apart from register.ts so printing it doesn't load discord.js. */
export const REGISTER_USAGE = `Usage: newsbrief discord register [--guild <id> | --global] [--print]

Registers newsbrief's slash commands (/news and /digest) with Discord, replacing
the application's commands in that scope.

  --guild <id>   register in one server (default: DISCORD_GUILD_ID); guild
                 commands update at once: use this while developing
  --global       register for every server (production; may take a while
                 to show up in clients)
  --print        print the command JSON instead of sending it

Needs DISCORD_TOKEN and DISCORD_APP_ID; DISCORD_API_URL redirects the REST calls.
/digest needs the permission in DISCORD_MANAGE_PERMISSION (default Manage
Channels) unless server admins change it under Server Settings → Integrations.`;
