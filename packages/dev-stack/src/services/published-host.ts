/**
 * The address that reaches the dev services' published ports. compose.dev.yaml publishes them on the Docker
 * host's 127.0.0.1, so with a daemon on this machine (a Unix socket: Linux, Docker Desktop, Colima, Podman) that
 * is the address. testcontainers' own guess differs inside a container (a `/.dockerenv`, as in a Docker-in-Docker
 * dev container or CI job), where it names the bridge gateway, on which nothing listens for these ports. Only a
 * daemon named by a TCP `DOCKER_HOST` is elsewhere, and then testcontainers' host is the one to use.
 */
export function publishedHost(testcontainersHost: string, dockerHost: string | undefined): string {
  return dockerHost?.startsWith('tcp://') ? testcontainersHost : '127.0.0.1';
}
