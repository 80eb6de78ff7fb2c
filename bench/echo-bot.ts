/**
 * The bench's baseline: botbuilder's stock echo bot on restify and CloudAdapter, as in Microsoft's
 * samples, with no app id (like the app's Teams channel without MicrosoftAppId). The bench runs it as
 * a child process: `PORT=3978 node dist/bench/echo-bot.js`.
 */
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, MessageFactory } from 'botbuilder';
import restify from 'restify';

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      const replyText = `Echo: ${context.activity.text}`;
      await context.sendActivity(MessageFactory.text(replyText, replyText));
      await next();
    });
  }
}

const auth = new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: undefined, MicrosoftAppPassword: undefined, MicrosoftAppType: 'MultiTenant' });
const adapter = new CloudAdapter(auth);
adapter.onTurnError = async (context, error) => {
  process.stderr.write(`echo bot turn failed: ${String(error)}\n`);
  await context.sendActivity('The bot encountered an error or bug.');
};
const bot = new EchoBot();

const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});

const port = Number(process.env.PORT ?? 3978);
const host = process.env.HOST ?? '127.0.0.1';
server.listen(port, host);
process.once('SIGTERM', () => server.close(() => process.exit(0)));
