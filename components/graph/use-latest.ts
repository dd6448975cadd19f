"use client";
import { useEffect, useRef, type RefObject } from "react";

/**
 * A ref holding the latest `value`: callbacks handed to React Flow or to a document listener stay the
 * same object across renders (so memoised nodes do not re-render) and still call the current handlers.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  });
  return ref;
}
