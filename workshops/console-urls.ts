/** Console links for step metas: a global service's page, or a regional one in the attendee's Region. */
export const globalConsole = (path: string) => () => `https://console.aws.amazon.com/${path}`;

export const regionalConsole = (service: string, fragment: string) => (region: string) =>
  `https://${region}.console.aws.amazon.com/${service}/home?region=${region}#${fragment}`;
