/**
 * Why an operation is refused, in French, for the person who typed it. The same refusal comes
 * from the device (before it queues anything) and from the server (when it applies what was
 * queued): both call the same rule of `domain`. `field` names the form field to point at.
 */
export interface Refusal {
  message: string;
  field?: string;
}
