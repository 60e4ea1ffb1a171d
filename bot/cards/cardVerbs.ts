/** Every Action.Execute verb the app's cards use, named once. */
export const cardVerbs = {
  helped: "selfhelp.helped",
  notQuite: "selfhelp.notQuite",
  pick: "selfhelp.pick",
  talk: "selfhelp.talk",
  assign: "ticket.assign",
  note: "ticket.note",
  resolve: "ticket.resolve",
  rate: "ticket.rate",
  requestSubmit: "request.submit",
  requestView: "request.view",
  approve: "request.approve",
  reject: "request.reject",
  cancel: "request.cancel",
  fulfil: "request.fulfil",
  pulseAnswer: "pulse.answer",
  pulseView: "pulse.view",
  tipStop: "adoption.tip.stop",
  tipResume: "adoption.tip.resume",
} as const;

export type CardVerb = (typeof cardVerbs)[keyof typeof cardVerbs];
