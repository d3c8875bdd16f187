using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Tests.Support;
using VoxDose.Tests.Shared;

namespace VoxDose.StoreScp.Tests.Configuration;

/// <summary>
/// Issue 11, TLS: the listener's and each destination's TLS files are read and checked with the configuration, so
/// every problem (missing file, bad PEM, wrong password, key not matching, CA bundle unreadable) is a configuration
/// error with its path (exit 2), and good PEM, encrypted PEM and PKCS#12 files made by openssl are accepted.
/// </summary>
public class TlsConfigurationTests(PkiFixture fixture) : IClassFixture<PkiFixture>
{
    private readonly OpenSslPki _pki = fixture.Pki;

    private static List<string> Errors(Dictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?> { ["VoxDose:Storage:Root"] = "/tmp/unused" };
        foreach (var (k, v) in settings) all[k] = v;
        try
        {
            NodeConfiguration.Load(overrides: all, includeEnvironment: false);
            return [];
        }
        catch (InvalidConfigurationException e)
        {
            return [.. e.Errors];
        }
    }

    private static Dictionary<string, string?> Scp(string? certificate, string? key = null, string? password = null, string? ca = null, bool require = false) => new()
    {
        ["VoxDose:Scp:Tls:Enabled"] = "true",
        ["VoxDose:Scp:Tls:CertificatePath"] = certificate,
        ["VoxDose:Scp:Tls:KeyPath"] = key,
        ["VoxDose:Scp:Tls:CertificatePassword"] = password,
        ["VoxDose:Scp:Tls:TrustedCaPath"] = ca,
        ["VoxDose:Scp:Tls:RequireClientCertificate"] = require ? "true" : "false",
    };

    private static Dictionary<string, string?> Destination(string? certificate = null, string? key = null, string? password = null, string? ca = null) => new()
    {
        ["VoxDose:Destinations:0:Name"] = "pacs",
        ["VoxDose:Destinations:0:AeTitle"] = "PACS",
        ["VoxDose:Destinations:0:Host"] = "localhost",
        ["VoxDose:Destinations:0:Tls:Enabled"] = "true",
        ["VoxDose:Destinations:0:Tls:CertificatePath"] = certificate,
        ["VoxDose:Destinations:0:Tls:KeyPath"] = key,
        ["VoxDose:Destinations:0:Tls:CertificatePassword"] = password,
        ["VoxDose:Destinations:0:Tls:TrustedCaPath"] = ca,
    };

    private static void AssertOneError(List<string> errors, string path, string text)
    {
        var error = Assert.Single(errors);
        Assert.StartsWith(path + ": ", error, StringComparison.Ordinal);
        Assert.Contains(text, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Pem_pkcs12_and_encrypted_pem_certificates_made_by_openssl_are_accepted()
    {
        // Was: a PEM certificate failed with "ASN1 corrupted data" (it was opened as PKCS#12 whatever it held).
        Assert.Empty(Errors(Scp(_pki.ServerPem, _pki.ServerKey)));
        Assert.Empty(Errors(Scp(_pki.ServerCombinedPem)));
        Assert.Empty(Errors(Scp(_pki.ServerPem, _pki.ServerEncryptedKey, OpenSslPki.Password)));
        Assert.Empty(Errors(Scp(_pki.ServerP12, password: OpenSslPki.Password)));
        Assert.Empty(Errors(Scp(_pki.ServerPem, _pki.ServerKey, ca: _pki.CaPem, require: true)));
        Assert.Empty(Errors(Destination(ca: _pki.CaPem)));
        Assert.Empty(Errors(Destination(_pki.ClientP12, password: OpenSslPki.Password)));
        Assert.Empty(Errors(Destination(_pki.ClientPem, _pki.ClientKey)));
    }

    [Fact]
    public void A_wrong_password_is_a_configuration_error_naming_the_file()
    {
        const string path = "VoxDose:Scp:Tls:CertificatePath";
        AssertOneError(Errors(Scp(_pki.ServerP12, password: "wrong")), path, "the password is wrong");
        AssertOneError(Errors(Scp(_pki.ServerP12)), path, "protected by a password and none is set");
        AssertOneError(Errors(Scp(_pki.ServerPem, _pki.ServerEncryptedKey, "wrong")), path, "the password is wrong");
        AssertOneError(Errors(Scp(_pki.ServerPem, _pki.ServerEncryptedKey)), path, "is encrypted and no password is set");
        AssertOneError(Errors(Destination(_pki.ClientP12, password: "wrong")), "VoxDose:Destinations:0:Tls:CertificatePath", "the password is wrong");
    }

    [Fact]
    public void Missing_bad_or_mismatched_certificate_files_are_configuration_errors()
    {
        const string path = "VoxDose:Scp:Tls:CertificatePath";
        var dir = _pki.Directory;
        var garbage = Path.Combine(dir, "garbage.pem");
        File.WriteAllText(garbage, "-----BEGIN CERTIFICATE-----\nthis is not base64 !\n-----END CERTIFICATE-----\n");
        var text = Path.Combine(dir, "notes.txt");
        File.WriteAllText(text, "just some text");

        AssertOneError(Errors(Scp(Path.Combine(dir, "absent.pem"), _pki.ServerKey)), path, "absent.pem' does not exist");
        AssertOneError(Errors(Scp(_pki.ServerPem, Path.Combine(dir, "absent.key"))), path, "absent.key' does not exist");
        AssertOneError(Errors(Scp(garbage, _pki.ServerKey)), path, "holds no readable PEM certificate");
        AssertOneError(Errors(Scp(text)), path, "neither PEM nor PKCS#12");
        AssertOneError(Errors(Scp(_pki.ServerPem)), path, "holds no private key: give its key file (KeyPath");
        AssertOneError(Errors(Scp(_pki.ServerPem, _pki.ClientKey)), path, "does not match the certificate");
        AssertOneError(Errors(Scp(_pki.ServerPem, _pki.ServerPem)), path, "holds no PEM private key");
        AssertOneError(Errors(Scp(null)), path, "required when TLS is enabled");
        AssertOneError(Errors(Destination(_pki.ClientPem, _pki.ServerKey)), "VoxDose:Destinations:0:Tls:CertificatePath", "does not match the certificate");
    }

    [Fact]
    public void An_unreadable_ca_bundle_or_client_certificates_without_one_are_configuration_errors()
    {
        const string path = "VoxDose:Scp:Tls:TrustedCaPath";
        var text = Path.Combine(_pki.Directory, "bundle.txt");
        File.WriteAllText(text, "no certificates here");
        var broken = Path.Combine(_pki.Directory, "broken-bundle.pem");
        File.WriteAllText(broken, File.ReadAllText(_pki.CaPem).Replace("M", "!", StringComparison.Ordinal));

        AssertOneError(Errors(Scp(_pki.ServerPem, _pki.ServerKey, ca: Path.Combine(_pki.Directory, "absent-ca.pem"), require: true)), path, "absent-ca.pem' does not exist");
        AssertOneError(Errors(Scp(_pki.ServerPem, _pki.ServerKey, ca: text, require: true)), path, "is not a PEM (or DER) certificate file");
        AssertOneError(Errors(Scp(_pki.ServerPem, _pki.ServerKey, ca: broken, require: true)), path, "is not a PEM (or DER) certificate file");
        AssertOneError(Errors(Scp(_pki.ServerPem, _pki.ServerKey, require: true)), path, "required with RequireClientCertificate");
        AssertOneError(Errors(Scp(_pki.ServerPem, _pki.ServerKey, ca: _pki.CaPem)), path, "only used with RequireClientCertificate");
        AssertOneError(Errors(Destination(ca: text)), "VoxDose:Destinations:0:Tls:TrustedCaPath", "is not a PEM (or DER) certificate file");
    }

    [Fact]
    public void An_expired_certificate_is_a_configuration_error()
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=expired", key, System.Security.Cryptography.HashAlgorithmName.SHA256);
        using var expired = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-10), DateTimeOffset.UtcNow.AddDays(-1));
        var certificate = Path.Combine(_pki.Directory, "expired.pem");
        var keyFile = Path.Combine(_pki.Directory, "expired.key");
        File.WriteAllText(certificate, expired.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        AssertOneError(Errors(Scp(certificate, keyFile)), "VoxDose:Scp:Tls:CertificatePath", "the certificate 'CN=expired' expired on");
    }

    [Fact]
    public void The_ca_bundle_is_the_only_trust_root_and_a_self_signed_certificate_can_be_its_own()
    {
        bool Chains(string trusted, string certificate, string purpose)
        {
            using var chain = new System.Security.Cryptography.X509Certificates.X509Chain
            {
                ChainPolicy = VoxDose.Dicom.Network.Transport.TlsFiles.TrustOnly(VoxDose.Dicom.Network.Transport.TlsFiles.LoadCaBundle(trusted), purpose),
            };
            using var leaf = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificateFromFile(certificate);
            return chain.Build(leaf);
        }
        const string client = VoxDose.Dicom.Network.Transport.TlsFiles.ClientAuthenticationOid;
        const string server = VoxDose.Dicom.Network.Transport.TlsFiles.ServerAuthenticationOid;
        Assert.True(Chains(_pki.CaPem, _pki.ClientPem, client));
        Assert.False(Chains(_pki.CaPem, _pki.OtherClientPem, client));
        Assert.False(Chains(_pki.CaPem, _pki.SelfSignedClientPem, client));
        Assert.True(Chains(_pki.SelfSignedClientPem, _pki.SelfSignedClientPem, client));
        Assert.False(Chains(_pki.CaPem, _pki.ClientPem, server)); // a client certificate (clientAuth only) cannot serve
        Assert.True(Chains(_pki.CaPem, _pki.ServerPem, server));
    }

    [Fact]
    public void Both_sides_offer_tls_1_2_and_1_3_only()
    {
        var server = NodeTls.Server(new TlsOptions { Enabled = true, CertificatePath = _pki.ServerPem, KeyPath = _pki.ServerKey });
        using (server.Certificate)
            Assert.Equal(System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13, server.Protocols);
        var client = NodeTls.Client(new DestinationOptions { Name = "pacs", Host = "localhost", Tls = new DestinationTlsOptions { Enabled = true } });
        Assert.Equal(System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13, client!.Protocols);
        Assert.Equal("localhost", client.TargetHost);
        Assert.Null(NodeTls.Client(new DestinationOptions { Name = "plain", Host = "localhost" }));
    }
}
