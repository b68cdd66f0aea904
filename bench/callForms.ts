/** The logged request the call-site and CodeLens benches look for, and the ways real code sends it. */
export const loggedPath = '/v1/rooms/standup/presence';

/** Only the first spells the logged path literally. */
export const callForms: readonly ((room: string) => string)[] = [
  () => `  const res = await fetch('https://api.daily.co${loggedPath}');`,
  () => '  const res = await fetch(`${DAILY_API}/rooms/${room}/presence`);',
  () => "  const res = await axios.get(DAILY_API + '/rooms/' + room + '/presence');",
  () => '    r = requests.get(f"{DAILY_API}/rooms/{room}/presence", headers=auth)',
  () => '    r = session.get("%s/rooms/%s/presence" % (DAILY_API, room))',
  () => "router.get('/rooms/:room/presence', presenceHandler);",
  (room) => `  return client.get(\`/v1/rooms/${room}/presence\`);`,
  () => '    path = "rooms/{}/presence".format(room)',
];
