import { CardFactory, type TurnContext } from "botbuilder";
import { driveQuestion } from "../../core/migration/driveQuestion";
import { myDrives } from "../../core/migration/myDrives";
import type { Db } from "../../core/store/database";
import { driveCard } from "./driveCard";

/**
 * Answers "where has my S drive gone?" (or H drive, or a folder by name) with
 * the person's own drives and where each lives now. False when the message is
 * not such a question or ICT's plan has no drive of theirs, so that self-help
 * search answers instead.
 */
export async function answerDriveQuestion(db: Db, context: TurnContext): Promise<boolean> {
  const asked = driveQuestion(context.activity.text ?? "");
  const userId = context.activity.from.aadObjectId;
  if (!asked || !userId) return false;
  const drives = await myDrives(db, userId, asked.folder);
  if (drives.length === 0) return false;
  await context.sendActivity({ attachments: [CardFactory.adaptiveCard(driveCard(drives))] });
  return true;
}
