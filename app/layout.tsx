import type { Metadata } from "next";
import { type ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Firedrill", template: "%s · Firedrill" },
  description: "Incident training on real broken systems.",
  // The icon and social preview live in public/ (the design card's top-level folder).
  icons: { icon: [{ url: "/icon.svg", type: "image/svg+xml" }], apple: "/apple-touch-icon.png" },
  openGraph: {
    title: "Firedrill",
    description: "Practise incidents on real broken systems, before the 3 a.m. page does it for you.",
    images: [{ url: "/og-image.png", width: 1200, height: 630, alt: "Firedrill" }],
  },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
