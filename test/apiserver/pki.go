package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// pki holds the paths of the files generated in <data-dir>/pki.
type pki struct {
	CACert, ServingCert, ServingKey, SAPublic, SAPrivate string
}

// ensurePKI creates a CA, a serving cert for the loopback names and a service-account key pair,
// keeping existing files so a restart on the same data dir keeps clients' trust.
func ensurePKI(dir string) (pki, error) {
	p := pki{
		CACert:      filepath.Join(dir, "ca.crt"),
		ServingCert: filepath.Join(dir, "apiserver.crt"),
		ServingKey:  filepath.Join(dir, "apiserver.key"),
		SAPublic:    filepath.Join(dir, "sa.pub"),
		SAPrivate:   filepath.Join(dir, "sa.key"),
	}
	if fileExists(p.CACert) && fileExists(p.ServingCert) && fileExists(p.ServingKey) && fileExists(p.SAPublic) && fileExists(p.SAPrivate) {
		return p, nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return p, err
	}
	now := time.Now().Add(-time.Hour) // tolerate small clock skew
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return p, err
	}
	caTmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "meshpane-test-ca"},
		NotBefore:             now,
		NotAfter:              now.Add(10 * 365 * 24 * time.Hour),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		return p, err
	}
	caCert, _ := x509.ParseCertificate(caDER)

	srvKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return p, err
	}
	srvTmpl := &x509.Certificate{
		SerialNumber: big.NewInt(2),
		Subject:      pkix.Name{CommonName: "kube-apiserver"},
		NotBefore:    now,
		NotAfter:     now.Add(10 * 365 * 24 * time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		DNSNames:     []string{"localhost", "kubernetes", "kubernetes.default", "kubernetes.default.svc"},
		IPAddresses:  []net.IP{net.ParseIP("127.0.0.1"), net.ParseIP("::1"), net.ParseIP("10.96.0.1")},
	}
	srvDER, err := x509.CreateCertificate(rand.Reader, srvTmpl, caCert, &srvKey.PublicKey, caKey)
	if err != nil {
		return p, err
	}
	saKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return p, err
	}
	saPub, err := x509.MarshalPKIXPublicKey(&saKey.PublicKey)
	if err != nil {
		return p, err
	}
	for path, block := range map[string]*pem.Block{
		p.CACert:      {Type: "CERTIFICATE", Bytes: caDER},
		p.ServingCert: {Type: "CERTIFICATE", Bytes: srvDER},
		p.SAPublic:    {Type: "PUBLIC KEY", Bytes: saPub},
	} {
		if err := os.WriteFile(path, pem.EncodeToMemory(block), 0o644); err != nil {
			return p, err
		}
	}
	for path, key := range map[string]*ecdsa.PrivateKey{p.ServingKey: srvKey, p.SAPrivate: saKey} {
		der, err := x509.MarshalECPrivateKey(key)
		if err != nil {
			return p, err
		}
		if err := os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: der}), 0o600); err != nil {
			return p, err
		}
	}
	return p, nil
}

// testUsers are the identities the static token file knows. admin is cluster-admin through
// system:masters; the others start with no permissions so RBAC tests grant exactly what they need.
var testUsers = []struct{ name, groups string }{
	{"admin", "system:masters"},
	{"meshpane", ""},
	{"alice", "bookinfo-team"},
	{"bob", ""},
}

// ensureTokens returns user -> token: overrides first, then tokens.json from an earlier run,
// then fresh random ones. It writes tokens.json (for people) and tokens.csv (for the apiserver).
func ensureTokens(dataDir string, overrides map[string]string) (map[string]string, string, error) {
	jsonPath := filepath.Join(dataDir, "tokens.json")
	csvPath := filepath.Join(dataDir, "tokens.csv")
	tokens := map[string]string{}
	if b, err := os.ReadFile(jsonPath); err == nil {
		if err := json.Unmarshal(b, &tokens); err != nil {
			return nil, "", fmt.Errorf("%s: %w", jsonPath, err)
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, "", err
	}
	known := map[string]bool{}
	for _, u := range testUsers {
		known[u.name] = true
	}
	for user, tok := range overrides {
		if !known[user] {
			return nil, "", fmt.Errorf("--token %s: unknown user (known: admin, meshpane, alice, bob)", user)
		}
		tokens[user] = tok
	}
	var csv strings.Builder
	for _, u := range testUsers {
		if tokens[u.name] == "" {
			b := make([]byte, 24)
			if _, err := rand.Read(b); err != nil {
				return nil, "", err
			}
			tokens[u.name] = hex.EncodeToString(b)
		}
		// token,user,uid,"group1,group2" is the --token-auth-file format.
		fmt.Fprintf(&csv, "%s,%s,%s,%q\n", tokens[u.name], u.name, u.name, u.groups)
	}
	b, _ := json.MarshalIndent(tokens, "", "  ")
	if err := os.WriteFile(jsonPath, b, 0o600); err != nil {
		return nil, "", err
	}
	if err := os.WriteFile(csvPath, []byte(csv.String()), 0o600); err != nil {
		return nil, "", err
	}
	return tokens, csvPath, nil
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
