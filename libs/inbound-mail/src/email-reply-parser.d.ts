// email-reply-parser 1.x (the last CommonJS line; 2.x is ES modules for Node 22+ only).
declare module 'email-reply-parser' {
  interface Fragment {
    getContent(): string;
    isHidden(): boolean;
    isSignature(): boolean;
    isQuoted(): boolean;
  }
  interface Email {
    getFragments(): Fragment[];
    getVisibleText(): string;
  }
  class EmailReplyParser {
    read(text: string): Email;
    parseReply(text: string): string;
  }
  export = EmailReplyParser;
}
