"use client";

import { Toaster as SonnerToaster } from "sonner";

/** Success and error toasts for the desk; errors stay until dismissed so nobody misses one under deadline. */
export function Toaster() {
  return <SonnerToaster position="bottom-right" closeButton richColors toastOptions={{ duration: 5_000 }} />;
}
