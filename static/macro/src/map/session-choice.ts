// A choice the viewer makes on the map (by person or by squad) lasts for the page session: reloading the page, or
// Refresh, keeps it. Storage a host refuses (a sandboxed frame, private mode) leaves the choice for this visit only.
import { useState } from 'react';

function read<T extends string>(key: string, allowed: readonly T[]): T | undefined {
  try {
    const value = window.sessionStorage.getItem(key);
    return allowed.find((choice) => choice === value);
  } catch {
    return undefined;
  }
}

export function useSessionChoice<T extends string>(
  key: string,
  allowed: readonly T[],
  initial: T,
): [T, (choice: T) => void] {
  const [choice, setChoice] = useState<T>(() => read(key, allowed) ?? initial);
  const choose = (next: T) => {
    setChoice(next);
    try {
      window.sessionStorage.setItem(key, next);
    } catch {
      // Not remembered; the choice still holds until the page is left.
    }
  };
  return [choice, choose];
}
