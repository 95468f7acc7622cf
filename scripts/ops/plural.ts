/** `1 agent`, `2 agents`: counts in sentences for people. */
export const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
