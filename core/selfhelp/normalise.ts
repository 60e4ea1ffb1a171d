/**
 * How staff talk, mapped onto the words the articles use. The same
 * normalisation runs over the articles and the questions, so an article
 * written in ICT's words still meets a question in everyday British English.
 */

/** Multi-word and punctuated names that must become one term before splitting. */
const phrases: [RegExp, string][] = [
  [
    /\b(?:[a-z]:?\s*drive|shared\s+drives?|network\s+drives?|mapped\s+drives?|departmental\s+(?:folders?|drives?))\b/g,
    " shareddrive ",
  ],
  [/\bwi[\s-]?fi\b|\bwireless\b/g, " wifi "],
  [/\b(?:log|sign)(?:ging)?[\s-]?(?:in|on)\b|\blogon\b|\blogin\b|\bsignin\b/g, " signin "],
  [/\b(?:multi|two)[\s-]?(?:factor|step)\b|\b2fa\b|\bmfa\b/g, " mfa "],
  [/\bout[\s-]of[\s-](?:the[\s-])?office\b|\bauto(?:matic)?[\s-]?repl(?:y|ies)\b|\booo\b/g, " outofoffice "],
  [/\be-?mails?\b/g, " email "],
  [/\bone\s?drive\b/g, " onedrive "],
  [/\bshare\s?point\b/g, " sharepoint "],
  [/\bmicrosoft\s+365\b|\bm365\b|\boffice\s+365\b|\bo365\b/g, " microsoft365 "],
  [/\bwindows\s*(?:10|11)\b|\bwin\s?1[01]\b/g, " windows "],
];

/** Everyday and misspelt words mapped to the word the articles use. */
const synonyms: Record<string, string> = {
  knackered: "broken",
  bust: "broken",
  busted: "broken",
  broke: "broken",
  smashed: "broken",
  cracked: "broken",
  kaput: "broken",
  dead: "broken",
  damaged: "broken",
  sluggish: "slow",
  laggy: "slow",
  crawling: "slow",
  freezing: "slow",
  frozen: "slow",
  freezes: "slow",
  hangs: "slow",
  nicked: "stolen",
  pinched: "stolen",
  misplaced: "lost",
  synch: "sync",
  synching: "sync",
  synched: "sync",
  vanished: "missing",
  disappeared: "missing",
  gone: "missing",
  computer: "laptop",
  pc: "laptop",
  notebook: "laptop",
  pwd: "password",
  passwd: "password",
  passcode: "password",
  mic: "microphone",
  webcam: "camera",
  headphones: "headset",
  earphones: "headset",
  dodgy: "suspicious",
  scam: "phishing",
  spam: "phishing",
  joiner: "starter",
  joining: "starter",
  leaving: "leaver",
  program: "software",
  programme: "software",
  application: "software",
  app: "software",
  apps: "software",
  inbox: "mailbox",
  printer: "print",
  printers: "print",
  agent: "human",
  person: "human",
  cymraeg: "welsh",
};

/** Words that carry no topic: grammar, politeness, where and when it happened, and words every question about ICT shares. */
const stopWords = new Set(
  `a about after again all am an and any are as at be been being but by can could did do does doing don done for from
  get gets getting got had has have having he her here hers him his how i i'd i'm i've if in into is isn it its it's just
  me might more most my myself need needs no nor not now of off on once only or other our out over own please pls same
  she should so some still such t than that the their them then there these they this those through to too up us very
  was wasn we were what when where which while who why will with won would you your yours s ve ll re d m
  help hi hello thanks thank cheers council work works working keep keeps trying tried try want wants like anyone
  someone somebody someone's sort process procedure anything everything thing things stuff ok okay also really again today yesterday
  floor level room building upstairs downstairs morning afternoon week`.split(/\s+/),
);

/** Phrase-level normalisation, run on whole text before it is split into terms. */
export function normaliseText(text: string): string {
  let normalised = text.toLowerCase().replace(/[’‘]/g, "'");
  for (const [pattern, replacement] of phrases) normalised = normalised.replace(pattern, replacement);
  return normalised;
}

/** One term: dropped if it says nothing, mapped if it is slang, then reduced to a rough stem. */
export function normaliseTerm(term: string): string | null {
  const lower = term.toLowerCase();
  if (lower === "" || stopWords.has(lower)) return null;
  return stem(synonyms[lower] ?? lower);
}

/**
 * A deliberately light stemmer: plurals and -ing/-ed only, enough that
 * "syncing", "synced" and "sync" meet without a dependency, and predictable
 * enough for ICT to reason about when a keyword does not match.
 */
export function stem(term: string): string {
  if (term.length <= 4 || /\d/.test(term)) return term;
  let stemmed = term;
  if (stemmed.endsWith("ies")) stemmed = `${stemmed.slice(0, -3)}y`;
  else if (stemmed.endsWith("ing") && stemmed.length > 5) stemmed = undouble(stemmed.slice(0, -3));
  else if (stemmed.endsWith("ed") && stemmed.length > 4) stemmed = undouble(stemmed.slice(0, -2));
  else if (stemmed.endsWith("s") && !/(?:ss|us|is)$/.test(stemmed)) stemmed = stemmed.slice(0, -1);
  return stemmed;
}

/** "scann" → "scan", "logg" → "log"; "install" keeps its double l. */
const undouble = (term: string) => (/([^aeiouls])\1$/.test(term) ? term.slice(0, -1) : term);
