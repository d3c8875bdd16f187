namespace VoxDose.StoreScp.Hosting;

/// <summary>
/// The node refuses to start for a reason the operator must fix (full disk, an unusable TLS certificate, no caller
/// allowed): `serve` prints the reason and exits 2, so systemd does not restart it in a loop (Restart=on-failure with
/// RestartPreventExitStatus=2).
/// </summary>
public sealed class StartupRefusedException(string message, Exception? inner = null) : InvalidOperationException(message, inner);
