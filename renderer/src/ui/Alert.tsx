import type { ReactNode } from 'react';

type Tone = 'error' | 'success' | 'info' | 'warning';

interface AlertProps {
  tone: Tone;
  children: ReactNode;
  id?: string;
}

/**
 * A message in a box. Errors use role="alert" (read out at once); success and info use
 * role="status" (read out politely).
 */
export function Alert({ tone, children, id }: AlertProps) {
  const role = tone === 'error' ? 'alert' : 'status';
  return (
    <div id={id} role={role} className={`alert alert--${tone}`}>
      {children}
    </div>
  );
}
