"use client";

import { useState, useTransition, type FormEvent } from "react";
import { reachServer, type Failure, type Result } from "@/lib/result";

/**
 * Submits a form to a server action the way every other call in the app goes: through
 * reachServer (a dropped network or a restarting server becomes a failure on the page, not
 * an error page), with the form left as the attendee typed it (no reset, even on success),
 * after an optional check in the browser that can refuse without sending anything.
 */
export function useServerForm<T>(
  action: (prev: null, form: FormData) => Promise<Result<T> | null>,
  checkFirst?: (form: FormData) => Failure | undefined,
) {
  const [state, setState] = useState<Result<T> | null>(null);
  const [pending, startTransition] = useTransition();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const refused = checkFirst?.(form);
    if (refused) {
      setState(refused);
      return;
    }
    startTransition(async () => {
      const res = await reachServer(async () => (await action(null, form)) ?? { ok: false as const, code: "unexpected" });
      setState(res);
    });
  };

  return { state, pending, onSubmit };
}
