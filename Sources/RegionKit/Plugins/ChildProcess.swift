import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a program in its own process group with bytes on its standard input, collects its output, and kills the
/// whole group when it runs past a time limit, so a stuck plug-in (or a child it started) never hangs RegionKit.
struct ChildProcess {
    struct Result {
        var status: Int32
        var stdout: [UInt8]
        var stderr: [UInt8]
        var timedOut: Bool
        /// The output went past the limit and was cut.
        var outputTooLarge: Bool
    }

    var executable: String
    var arguments: [String] = []
    var workingDirectory: String?
    var timeout: Double
    var maxOutput = 1 << 30

    func run(input: [UInt8]) throws(RegionKitError) -> Result {
        var stdinPipe: [Int32] = [0, 0]
        var stdoutPipe: [Int32] = [0, 0]
        var stderrPipe: [Int32] = [0, 0]
        guard pipe(&stdinPipe) == 0, pipe(&stdoutPipe) == 0, pipe(&stderrPipe) == 0 else {
            throw RegionKitError(.unsupported, "cannot start \(executable): no pipes: \(String(cString: strerror(errno)))")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, stderrPipe[1], 2)
        for fd in stdinPipe + stdoutPipe + stderrPipe { posix_spawn_file_actions_addclose(&actions, fd) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        // `env -C DIR` starts the program in its working folder (posix_spawn cannot change folder portably).
        let command = workingDirectory.map { ["/usr/bin/env", "-C", $0, executable] + arguments } ?? [executable] + arguments
        let argv = command.map { strdup($0) }
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, command[0], &actions, &attributes, argv + [nil], environ)
        close(stdinPipe[0])
        close(stdoutPipe[1])
        close(stderrPipe[1])
        guard spawned == 0 else {
            [stdinPipe[1], stdoutPipe[0], stderrPipe[0]].forEach { close($0) }
            throw RegionKitError(.unsupported, "cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        return pump(pid: pid, input: input, stdin: stdinPipe[1], stdout: stdoutPipe[0], stderr: stderrPipe[0])
    }

    /// Feeds standard input and drains both outputs with poll() until the program ends or the time is up.
    private func pump(pid: pid_t, input: [UInt8], stdin: Int32, stdout: Int32, stderr: Int32) -> Result {
        for fd in [stdin, stdout, stderr] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        signal(SIGPIPE, SIG_IGN)
        var result = Result(status: -1, stdout: [], stderr: [], timedOut: false, outputTooLarge: false)
        var written = 0
        var stdinOpen = true
        var openOutputs: Set<Int32> = [stdout, stderr]
        if input.isEmpty {
            close(stdin)
            stdinOpen = false
        }
        let deadline = Date().addingTimeInterval(timeout)
        var exited = false
        var status: Int32 = 0
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !(exited && openOutputs.isEmpty) {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 || result.outputTooLarge {
                result.timedOut = remaining <= 0
                kill(-pid, SIGKILL)
                break
            }
            var fds: [pollfd] = openOutputs.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            if stdinOpen { fds.append(pollfd(fd: stdin, events: Int16(POLLOUT), revents: 0)) }
            _ = poll(&fds, nfds_t(fds.count), Int32(min(100, max(1, remaining * 1000))))
            for entry in fds where entry.revents != 0 {
                if entry.fd == stdin {
                    let count = input.withUnsafeBytes { raw -> Int in
                        guard let base = raw.baseAddress else { return 0 }
                        return write(stdin, base + written, input.count - written)
                    }
                    if count > 0 { written += count }
                    if count < 0 && errno != EAGAIN || written == input.count {
                        close(stdin)
                        stdinOpen = false
                    }
                    continue
                }
                let count = read(entry.fd, &buffer, buffer.count)
                if count > 0 {
                    if entry.fd == stdout { result.stdout += buffer[0..<count] } else { result.stderr += buffer[0..<count] }
                    result.outputTooLarge = result.stdout.count + result.stderr.count > maxOutput
                } else if count == 0 || errno != EAGAIN {
                    close(entry.fd)
                    openOutputs.remove(entry.fd)
                }
            }
            if !exited && waitpid(pid, &status, WNOHANG) == pid {
                exited = true
                // A child the program left behind may hold the pipes open: give it a moment, then end the group.
                if !openOutputs.isEmpty {
                    let grace = Date().addingTimeInterval(0.5)
                    while !openOutputs.isEmpty && Date() < grace {
                        var rest: [pollfd] = openOutputs.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
                        _ = poll(&rest, nfds_t(rest.count), 50)
                        for entry in rest where entry.revents != 0 {
                            let count = read(entry.fd, &buffer, buffer.count)
                            if count > 0 {
                                if entry.fd == stdout { result.stdout += buffer[0..<count] } else { result.stderr += buffer[0..<count] }
                            } else {
                                close(entry.fd)
                                openOutputs.remove(entry.fd)
                            }
                        }
                    }
                    kill(-pid, SIGKILL)
                }
            }
        }
        if stdinOpen { close(stdin) }
        openOutputs.forEach { close($0) }
        if !exited { waitpid(pid, &status, 0) }
        kill(-pid, SIGKILL)
        result.status = Self.exitStatus(status)
        return result
    }

    /// The exit code, or 128 + the signal number for a program ended by a signal, as shells report it.
    static func exitStatus(_ status: Int32) -> Int32 {
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }
}
