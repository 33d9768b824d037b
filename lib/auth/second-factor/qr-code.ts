import "server-only";

import { create } from "qrcode";

/** A QR code as one SVG path of unit squares, drawn by the page (no markup string crosses to the browser). */
export type QrDrawing = { size: number; path: string };

export function drawQrCode(text: string): QrDrawing {
  // Level M: the otpauth:// address fits comfortably, and a phone reads it off a laptop screen at an angle.
  const { modules } = create(text, { errorCorrectionLevel: "M" });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row += 1)
    for (let column = 0; column < modules.size; column += 1)
      if (modules.get(row, column)) parts.push(`M${column} ${row}h1v1h-1z`);
  return { size: modules.size, path: parts.join("") };
}
