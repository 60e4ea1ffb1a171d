import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { t } from "../../../core/messages/catalogue";
import { ApiError } from "../api/apiClient";
import { errorMessage } from "../api/errorMessage";
import { useSignedIn } from "../data/apiContext";

/** A failed call, said in words, with the way out when there is one. */
export function ErrorBar({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { api } = useSignedIn();
  const expired = error instanceof ApiError && error.status === 401;
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{errorMessage(error)}</MessageBarBody>
      <MessageBarActions>
        {expired ? (
          <Button onClick={() => api.session.signInAgain()}>{t("tabs.signInAgain")}</Button>
        ) : (
          onRetry && <Button onClick={onRetry}>{t("tabs.retry")}</Button>
        )}
      </MessageBarActions>
    </MessageBar>
  );
}
