// A real SMTP listener on localhost for the browser tests: the events server sends its mail
// here, and each message lands as one JSON file ({ to, subject, text }) in the folder given,
// where a test reads it (tests/events-story.spec.ts).
//
//   node smtp-listener.mjs <port> <folder>

import * as fs from "node:fs";
import * as path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

const [port, folder] = process.argv.slice(2);
fs.mkdirSync(folder, { recursive: true });
let count = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        count += 1;
        const to = session.envelope.rcptTo.map((r) => r.address);
        const file = path.join(folder, `${String(count).padStart(5, "0")}.json`);
        fs.writeFileSync(file, JSON.stringify({ to, subject: mail.subject ?? "", text: mail.text ?? "" }));
        callback();
      })
      .catch(callback);
  },
});
server.listen(Number(port), "127.0.0.1");
