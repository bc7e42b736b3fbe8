// Bank statements: camt.053 / camt.054 (several versions) and the payments CSV, read into the
// entries payment matching works on, with references that stay the same from one import to the next.

#include <gtest/gtest.h>

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "relance/formats/bank_statement.hpp"
#include "test_support.hpp"

using namespace relance::formats;

namespace {

Decimal d(const char* s) {
  return *Decimal::parse(s);
}
Date date(const char* s) {
  return *Date::parse_iso(s);
}

std::string fixture(const std::string& name) {
  return relance::testing::read_file(relance::testing::fixtures_dir() / "bank" / name);
}

std::string diagnostics_of(const relance::Diagnostics& diags) {
  std::string out;
  for (const auto& diag : diags.items()) out += relance::format_diagnostic(diag) + "\n";
  return out;
}

std::vector<BankEntry> read_clean_camt(const std::string& xml, std::string_view name) {
  auto r = read_camt(xml, name);
  EXPECT_TRUE(r.diagnostics.empty()) << diagnostics_of(r.diagnostics);
  if (!r.value) {
    ADD_FAILURE() << "no value";
    return {};
  }
  return *r.value;
}

std::vector<BankEntry> read_clean_csv(const std::string& csv, std::string_view name) {
  auto r = read_payments_csv(csv, name);
  EXPECT_TRUE(r.diagnostics.empty()) << diagnostics_of(r.diagnostics);
  if (!r.value) {
    ADD_FAILURE() << "no value";
    return {};
  }
  return *r.value;
}

void expect_amount(const BankEntry& e, const char* amount) {
  EXPECT_TRUE(e.amount.identical(d(amount)))
      << e.location << ": " << e.amount.to_string() << " != " << amount;
}

bool is_hash_reference(const std::string& ref) {
  if (ref.size() != 5 + 32 || ref.substr(0, 5) != "hash:") return false;
  for (char c : ref.substr(5))
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

std::vector<std::string> references(const std::vector<BankEntry>& entries) {
  std::vector<std::string> out;
  for (const auto& e : entries) out.push_back(e.reference);
  return out;
}

// A camt.053.001.08 statement around the given entries.
std::string statement(std::string_view entries, std::string_view version = "08") {
  return std::string(R"(<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.)") +
         std::string(version) + R"(">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-03-03T06:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>S1</Id>
      <Acct><Id><IBAN>FR7630006000011234567890189</IBAN></Id></Acct>
)" + std::string(entries) +
         R"(    </Stmt>
  </BkToCstmrStmt>
</Document>
)";
}

// One credit entry with one transaction, no bank reference.
std::string credit(std::string_view amount, std::string_view remittance) {
  return R"(      <Ntry>
        <Amt Ccy="EUR">)" +
         std::string(amount) + R"(</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <BookgDt><Dt>2026-03-02</Dt></BookgDt>
        <ValDt><Dt>2026-03-02</Dt></ValDt>
        <NtryDtls><TxDtls><RmtInf><Ustrd>)" +
         std::string(remittance) + R"(</Ustrd></RmtInf></TxDtls></NtryDtls>
      </Ntry>
)";
}

}  // namespace

// --- camt.053 / camt.054 ---------------------------------------------------------------------

TEST(BankCamt, ReadsEveryTransactionOfACamt053V08Statement) {
  const auto entries = read_clean_camt(fixture("camt053-v08.xml"), "camt053-v08.xml");
  ASSERT_EQ(entries.size(), 6u);

  // 1: one transaction, its own AcctSvcrRef; Dbtr/Pty/Nm (v08); two Ustrd lines joined.
  const BankEntry& a = entries[0];
  EXPECT_EQ(a.reference, "T2026030200001");
  EXPECT_EQ(a.value_date, date("2026-03-02"));
  EXPECT_EQ(a.booking_date, date("2026-03-02"));
  expect_amount(a, "1250.00");
  EXPECT_EQ(a.currency, "EUR");
  EXPECT_TRUE(a.credit);
  EXPECT_EQ(a.debtor_name, "Boulangerie Martin SARL");
  EXPECT_EQ(a.debtor_iban, "FR1420041010050500013M02606");
  EXPECT_EQ(a.remittance_unstructured, "Facture FA-2026-0042 client 1187");
  EXPECT_EQ(a.remittance_structured, "");
  EXPECT_EQ(a.end_to_end_id, "FA-2026-0042");
  EXPECT_EQ(a.location, "camt053-v08.xml: Ntry[1]/NtryDtls/TxDtls[1]");

  // 2a: a batch: the entry's AcctSvcrRef plus the transaction's index; the transaction's own Amt
  // overrides the entry's 700.50; NOTPROVIDED is no end-to-end id; ValDt as DtTm.
  const BankEntry& b = entries[1];
  EXPECT_EQ(b.reference, "E2026030200002/1");
  EXPECT_EQ(b.value_date, date("2026-03-02"));
  expect_amount(b, "500.00");
  EXPECT_TRUE(b.credit);
  EXPECT_EQ(b.debtor_name, "Atelier Dupont");
  EXPECT_EQ(b.debtor_iban, "FR7610107001011234567890129");
  EXPECT_EQ(b.remittance_unstructured, "");
  EXPECT_EQ(b.remittance_structured, "RF18539007547034");
  EXPECT_EQ(b.end_to_end_id, "");
  EXPECT_EQ(b.location, "camt053-v08.xml: Ntry[2]/NtryDtls/TxDtls[1]");

  // 2b: the amount under AmtDtls/TxAmt/Amt.
  const BankEntry& c = entries[2];
  EXPECT_EQ(c.reference, "E2026030200002/2");
  expect_amount(c, "200.50");
  EXPECT_EQ(c.debtor_name, "Garage Leroy & Fils");
  EXPECT_EQ(c.debtor_iban, "");
  EXPECT_EQ(c.remittance_unstructured, "INV-2026-0050");
  EXPECT_EQ(c.end_to_end_id, "INV-2026-0050");
  EXPECT_EQ(c.location, "camt053-v08.xml: Ntry[2]/NtryDtls/TxDtls[2]");

  // 3: a debit without details: money out, negative; the free text stands for remittance.
  const BankEntry& fee = entries[3];
  EXPECT_EQ(fee.reference, "E2026030200003");
  EXPECT_FALSE(fee.credit);
  expect_amount(fee, "-89.90");
  EXPECT_EQ(fee.value_date, date("2026-03-01"));
  EXPECT_EQ(fee.booking_date, date("2026-03-02"));
  EXPECT_EQ(fee.remittance_unstructured, "FRAIS CARTE AFFAIRES 02/2026");
  EXPECT_EQ(fee.debtor_name, "");
  EXPECT_EQ(fee.location, "camt053-v08.xml: Ntry[3]");

  // 4: no AcctSvcrRef anywhere: the end-to-end id; the entry's amount for its one transaction.
  const BankEntry& e2e = entries[4];
  EXPECT_EQ(e2e.reference, "E2E-77-ABC");
  expect_amount(e2e, "42.00");
  EXPECT_EQ(e2e.debtor_name, "Mme Claire Petit");
  EXPECT_EQ(e2e.remittance_unstructured, "FA-2026-0031");

  // 5: nothing to go by: a hash of the content and position. Pinned: references are stored in
  // the ledger, so the hash must never change from one release to the next.
  const BankEntry& anon = entries[5];
  EXPECT_EQ(anon.reference, "hash:3d83ebcbebbc39c6ebc011b3d87973c9");
  EXPECT_EQ(anon.end_to_end_id, "");
  expect_amount(anon, "42.00");
  EXPECT_EQ(anon.location, "camt053-v08.xml: Ntry[5]/NtryDtls/TxDtls[1]");
}

TEST(BankCamt, ReadsACamt054NotificationWhateverThePrefix) {
  const auto entries = read_clean_camt(fixture("camt054-v08.xml"), "camt054-v08.xml");
  ASSERT_EQ(entries.size(), 1u);
  const BankEntry& e = entries[0];
  // The only AcctSvcrRef is the entry's, and the entry has one transaction: no index.
  EXPECT_EQ(e.reference, "N0305-4471");
  EXPECT_EQ(e.value_date, date("2026-03-05"));
  EXPECT_EQ(e.booking_date, date("2026-03-05"));  // the date part of BookgDt/DtTm
  expect_amount(e, "3600.00");
  EXPECT_EQ(e.currency, "EUR");
  EXPECT_TRUE(e.credit);
  EXPECT_EQ(e.debtor_name, "Hôtel des Arts SAS");
  EXPECT_EQ(e.debtor_iban, "DE89370400440532013000");
  EXPECT_EQ(e.remittance_unstructured, "FA-2026-0061 acompte 30 %");
  EXPECT_EQ(e.end_to_end_id, "PO-8812/FA-2026-0061");
  EXPECT_EQ(e.location, "camt054-v08.xml: Ntry[1]/NtryDtls/TxDtls[1]");
}

TEST(BankCamt, ReadsAnOlderCamt053V02Statement) {
  const auto entries = read_clean_camt(fixture("camt053-v02.xml"), "camt053-v02.xml");
  ASSERT_EQ(entries.size(), 2u);
  const BankEntry& a = entries[0];
  EXPECT_EQ(a.reference, "2026031000123");
  expect_amount(a, "119.00");
  EXPECT_EQ(a.debtor_name, "Müller Bürobedarf GmbH");  // Dbtr/Nm before v08
  EXPECT_EQ(a.debtor_iban, "DE75512108001245126199");
  EXPECT_EQ(a.remittance_unstructured, "Rechnung RE-2026-118");
  EXPECT_EQ(a.end_to_end_id, "RE-2026-118");
  EXPECT_EQ(a.value_date, date("2026-03-10"));

  const BankEntry& b = entries[1];
  EXPECT_EQ(b.reference, "2026031000124");
  expect_amount(b, "75.5");  // the written scale is kept
  EXPECT_EQ(b.currency, "CHF");
  EXPECT_EQ(b.value_date, date("2026-03-11"));
  EXPECT_EQ(b.booking_date, date("2026-03-10"));
  EXPECT_EQ(b.location, "camt053-v02.xml: Ntry[2]");
}

TEST(BankCamt, AcceptsAnyVersionAndADocumentInsideAnEnvelope) {
  for (const char* version : {"02", "04", "10", "13"}) {
    const auto entries = read_clean_camt(statement(credit("10.00", "x"), version), "s.xml");
    ASSERT_EQ(entries.size(), 1u) << version;
    expect_amount(entries[0], "10.00");
  }
  const std::string wrapped =
      R"(<Envelope xmlns="urn:example:envelope"><AppHdr xmlns="urn:iso:std:iso:20022:tech:xsd:head.001.001.02"/>)"
      R"(<b:Document xmlns:b="urn:iso:std:iso:20022:tech:xsd:camt.054.001.04"><b:BkToCstmrDbtCdtNtfctn><b:Ntfctn>)"
      R"(<b:Ntry><b:Amt Ccy="EUR">5.00</b:Amt><b:CdtDbtInd>CRDT</b:CdtDbtInd><b:ValDt><b:Dt>2026-01-02</b:Dt></b:ValDt>)"
      R"(<b:AcctSvcrRef>R1</b:AcctSvcrRef></b:Ntry></b:Ntfctn></b:BkToCstmrDbtCdtNtfctn></b:Document></Envelope>)";
  const auto entries = read_clean_camt(wrapped, "w.xml");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].reference, "R1");
  EXPECT_EQ(entries[0].value_date, date("2026-01-02"));
  EXPECT_FALSE(entries[0].booking_date);
}

TEST(BankCamt, ElementsOfAnotherNamespaceAreNotRead) {
  const std::string xml = statement(R"(      <Ntry xmlns:x="urn:example:other">
        <x:Amt Ccy="EUR">999.00</x:Amt>
        <Amt Ccy="EUR">10.00</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <ValDt><Dt>2026-03-02</Dt></ValDt>
        <AcctSvcrRef>R1</AcctSvcrRef>
      </Ntry>
)");
  const auto entries = read_clean_camt(xml, "s.xml");
  ASSERT_EQ(entries.size(), 1u);
  expect_amount(entries[0], "10.00");
}

TEST(BankCamt, ReferencesAreTheSameOnEveryImportAndDifferBetweenTransactions) {
  const std::string xml = fixture("camt053-v08.xml");
  const auto first = read_clean_camt(xml, "camt053-v08.xml");
  const auto second = read_clean_camt(xml, "elsewhere/statement.xml");  // the file name plays no part
  EXPECT_EQ(references(first), references(second));
  const auto refs = references(first);
  EXPECT_EQ(std::set<std::string>(refs.begin(), refs.end()).size(), refs.size());

  // Without any reference, two identical transactions of one statement still differ (position),
  // and a different amount gives a different hash.
  const auto same = read_clean_camt(statement(credit("10.00", "FA-1") + credit("10.00", "FA-1")), "s.xml");
  ASSERT_EQ(same.size(), 2u);
  EXPECT_TRUE(is_hash_reference(same[0].reference)) << same[0].reference;
  EXPECT_TRUE(is_hash_reference(same[1].reference)) << same[1].reference;
  EXPECT_NE(same[0].reference, same[1].reference);
  const auto other = read_clean_camt(statement(credit("10.01", "FA-1") + credit("10.00", "FA-1")), "s.xml");
  ASSERT_EQ(other.size(), 2u);
  EXPECT_NE(other[0].reference, same[0].reference);
  EXPECT_EQ(other[1].reference, same[1].reference);
}

TEST(BankCamt, AnEndToEndIdMetTwiceInOneFileStaysUnique) {
  const std::string tx = R"(      <Ntry>
        <Amt Ccy="EUR">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><ValDt><Dt>2026-03-02</Dt></ValDt>
        <NtryDtls><TxDtls><Refs><EndToEndId>INV-9</EndToEndId></Refs></TxDtls></NtryDtls>
      </Ntry>
)";
  const auto entries = read_clean_camt(statement(tx + tx), "s.xml");
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].reference, "INV-9");
  EXPECT_EQ(entries[1].reference, "INV-9#2");
  EXPECT_EQ(entries[1].end_to_end_id, "INV-9");
}

TEST(BankCamt, MalformedXmlIsRlBank001WithLineAndColumn) {
  const std::string xml =
      "<?xml version=\"1.0\"?>\n"
      "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">\n"
      "  <BkToCstmrStmt>\n"
      "    <Stmt></Stmnt>\n";
  const auto r = read_camt(xml, "bad.xml");
  EXPECT_FALSE(r.value);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  const auto& diag = r.diagnostics.items()[0];
  EXPECT_EQ(diag.rule_id, "RL-BANK-001");
  EXPECT_EQ(diag.severity, relance::Severity::fatal);
  EXPECT_EQ(diag.where.source, "bad.xml");
  EXPECT_EQ(diag.where.line, 4u);
  EXPECT_GT(diag.where.column, 1u);
  EXPECT_NE(diag.message.find("malformed XML"), std::string::npos) << diag.message;

  const auto empty = read_camt("", "empty.xml");
  EXPECT_FALSE(empty.value);
  ASSERT_EQ(empty.diagnostics.size(), 1u);
  EXPECT_EQ(empty.diagnostics.items()[0].rule_id, "RL-BANK-001");
}

TEST(BankCamt, AnotherKindOfXmlIsRlBank001) {
  for (const char* xml :
       {R"(<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"><ID>1</ID></Invoice>)",
        R"(<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.052.001.08"><BkToCstmrAcctRpt/></Document>)",
        R"(<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><Other/></Document>)"}) {
    const auto r = read_camt(xml, "other.xml");
    EXPECT_FALSE(r.value) << xml;
    ASSERT_EQ(r.diagnostics.size(), 1u) << xml;
    EXPECT_EQ(r.diagnostics.items()[0].rule_id, "RL-BANK-001");
    EXPECT_EQ(r.diagnostics.items()[0].where.line, 1u);
  }
}

TEST(BankCamt, ATransactionWithoutAmountIsRlBank002AndTheOthersAreStillRead) {
  const std::string xml = statement(R"(      <Ntry>
        <Amt Ccy="EUR">30.00</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <ValDt><Dt>2026-03-02</Dt></ValDt>
        <AcctSvcrRef>B1</AcctSvcrRef>
        <NtryDtls>
          <TxDtls><Amt Ccy="EUR">10.00</Amt></TxDtls>
          <TxDtls><RmtInf><Ustrd>no amount</Ustrd></RmtInf></TxDtls>
          <TxDtls><Amt Ccy="EUR">20.00</Amt></TxDtls>
        </NtryDtls>
      </Ntry>
      <Ntry>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <ValDt><Dt>2026-03-02</Dt></ValDt>
        <AcctSvcrRef>B2</AcctSvcrRef>
      </Ntry>
)" + credit("5.00", "fine"));
  const auto r = read_camt(xml, "s.xml");
  ASSERT_TRUE(r.value);
  ASSERT_EQ(r.value->size(), 3u);
  EXPECT_EQ((*r.value)[0].reference, "B1/1");
  EXPECT_EQ((*r.value)[1].reference, "B1/3");
  expect_amount((*r.value)[1], "20.00");
  EXPECT_EQ((*r.value)[2].remittance_unstructured, "fine");

  ASSERT_EQ(r.diagnostics.size(), 2u) << diagnostics_of(r.diagnostics);
  const auto& tx = r.diagnostics.items()[0];
  EXPECT_EQ(tx.rule_id, "RL-BANK-002");
  EXPECT_EQ(tx.where.source, "s.xml");
  EXPECT_EQ(tx.where.path, "/Document/BkToCstmrStmt/Stmt/Ntry[1]/NtryDtls/TxDtls[2]");
  EXPECT_EQ(tx.where.line, 15u);
  EXPECT_NE(tx.message.find("no amount"), std::string::npos) << tx.message;
  const auto& entry = r.diagnostics.items()[1];
  EXPECT_EQ(entry.rule_id, "RL-BANK-002");
  EXPECT_EQ(entry.where.path, "/Document/BkToCstmrStmt/Stmt/Ntry[2]");
  EXPECT_NE(entry.message.find("no amount"), std::string::npos) << entry.message;
}

TEST(BankCamt, AnEntryWithoutDateOrWithABadAmountIsRlBank002) {
  const std::string xml = statement(R"(      <Ntry>
        <Amt Ccy="EUR">30.00</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <AcctSvcrRef>NODATE</AcctSvcrRef>
      </Ntry>
      <Ntry>
        <Amt Ccy="EUR">12,50</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <ValDt><Dt>2026-03-02</Dt></ValDt>
      </Ntry>
      <Ntry>
        <Amt Ccy="EUR">1.00</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <ValDt><Dt>2026-02-30</Dt></ValDt>
      </Ntry>
      <Ntry>
        <Amt>1.00</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <ValDt><Dt>2026-03-02</Dt></ValDt>
      </Ntry>
      <Ntry>
        <Amt Ccy="EUR">1.00</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <BookgDt><Dt>2026-03-04</Dt></BookgDt>
        <AcctSvcrRef>BOOKED</AcctSvcrRef>
      </Ntry>
)");
  const auto r = read_camt(xml, "s.xml");
  ASSERT_TRUE(r.value);
  // The last entry has no value date: its booking date stands in.
  ASSERT_EQ(r.value->size(), 1u);
  EXPECT_EQ((*r.value)[0].reference, "BOOKED");
  EXPECT_EQ((*r.value)[0].value_date, date("2026-03-04"));
  ASSERT_EQ(r.diagnostics.size(), 4u) << diagnostics_of(r.diagnostics);
  const auto& items = r.diagnostics.items();
  for (const auto& diag : items) EXPECT_EQ(diag.rule_id, "RL-BANK-002");
  EXPECT_EQ(items[0].where.path, "/Document/BkToCstmrStmt/Stmt/Ntry[1]");
  EXPECT_NE(items[0].message.find("no date"), std::string::npos) << items[0].message;
  EXPECT_EQ(items[1].where.path, "/Document/BkToCstmrStmt/Stmt/Ntry[2]/Amt");
  EXPECT_NE(items[1].message.find("'12,50'"), std::string::npos) << items[1].message;
  EXPECT_EQ(items[2].where.path, "/Document/BkToCstmrStmt/Stmt/Ntry[3]/ValDt/Dt");
  EXPECT_EQ(items[3].where.path, "/Document/BkToCstmrStmt/Stmt/Ntry[4]/Amt");
  EXPECT_NE(items[3].message.find("Ccy"), std::string::npos) << items[3].message;
}

// --- payments CSV ------------------------------------------------------------------------------

TEST(BankCsv, ReadsASemicolonFileWithFrenchDecimalsQuotesAndABom) {
  const auto entries = read_clean_csv(fixture("payments-semicolon.csv"), "payments-semicolon.csv");
  ASSERT_EQ(entries.size(), 4u);

  const BankEntry& a = entries[0];
  EXPECT_EQ(a.reference, "VIR-000981");
  EXPECT_EQ(a.value_date, date("2026-03-03"));
  EXPECT_EQ(a.booking_date, date("2026-03-02"));
  expect_amount(a, "1250.00");
  EXPECT_EQ(a.currency, "EUR");
  EXPECT_TRUE(a.credit);
  EXPECT_EQ(a.debtor_name, "Boulangerie Martin SARL");
  EXPECT_EQ(a.debtor_iban, "FR1420041010050500013M02606");
  EXPECT_EQ(a.remittance_unstructured, "Facture FA-2026-0042");
  EXPECT_EQ(a.remittance_structured, "");
  EXPECT_EQ(a.end_to_end_id, "");
  EXPECT_EQ(a.location, "payments-semicolon.csv:2");

  const BankEntry& fee = entries[1];
  EXPECT_EQ(fee.reference, "CB-5521");
  EXPECT_FALSE(fee.credit);
  expect_amount(fee, "-89.90");
  EXPECT_EQ(fee.value_date, date("2026-03-02"));  // no value date: the booking date
  EXPECT_EQ(fee.remittance_unstructured, "FRAIS; CARTE");
  EXPECT_EQ(fee.location, "payments-semicolon.csv:3");

  // No reference: a hash of what the line says (pinned: references are stored in the ledger).
  const BankEntry& hotel = entries[2];
  EXPECT_EQ(hotel.reference, "hash:a2454cabd63489bbc054e8d16c13dc1e");
  expect_amount(hotel, "3600.5");
  EXPECT_EQ(hotel.currency, "EUR");
  EXPECT_EQ(hotel.debtor_name, "Hôtel \"des Arts\" SAS");
  EXPECT_EQ(hotel.remittance_unstructured, "FA-2026-0061 acompte");  // the quoted line break
  EXPECT_EQ(hotel.location, "payments-semicolon.csv:4");

  // Thin space between thousands; the record after a two-line one is on line 6.
  const BankEntry& roux = entries[3];
  EXPECT_EQ(roux.reference, "VIR-000999");
  expect_amount(roux, "12000.00");
  EXPECT_EQ(roux.currency, "EUR");  // empty: the default
  EXPECT_EQ(roux.location, "payments-semicolon.csv:6");
}

TEST(BankCsv, ReadsACommaFileWithRfc4180Quoting) {
  const std::string csv =
      "reference,amount,DATE,payer,remittance\n"
      "R1,1234.56,2026-03-01,\"Dupont, Durand & Cie\",\"say \"\"hi\"\"\"\n"
      "R2,\"1 234,56\",1/3/2026,,\n"
      "\n"
      "R3,-0.5,31/12/2025,x,\n";
  const auto entries = read_clean_csv(csv, "p.csv");
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].reference, "R1");
  expect_amount(entries[0], "1234.56");
  EXPECT_EQ(entries[0].value_date, date("2026-03-01"));
  EXPECT_FALSE(entries[0].booking_date);  // `date` is the value date when there is no value_date
  EXPECT_EQ(entries[0].debtor_name, "Dupont, Durand & Cie");
  EXPECT_EQ(entries[0].remittance_unstructured, "say \"hi\"");
  expect_amount(entries[1], "1234.56");
  EXPECT_EQ(entries[1].value_date, date("2026-03-01"));
  EXPECT_EQ(entries[2].location, "p.csv:5");
  expect_amount(entries[2], "-0.5");
  EXPECT_FALSE(entries[2].credit);
  EXPECT_EQ(entries[2].value_date, date("2025-12-31"));
}

TEST(BankCsv, IgnoresABomAndReadsCrLf) {
  const auto entries = read_clean_csv(
      "\xEF\xBB\xBF"
      "Date;Amount\r\n2026-03-01;10\r\n2026-03-02;20,5\r\n",
      "bom.csv");
  ASSERT_EQ(entries.size(), 2u);
  expect_amount(entries[1], "20.5");
  EXPECT_EQ(entries[1].location, "bom.csv:3");
}

TEST(BankCsv, ValueDateAloneIsEnough) {
  const auto entries = read_clean_csv("value_date,amount,currency\n2026-03-01,10.00,usd\n", "v.csv");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].value_date, date("2026-03-01"));
  EXPECT_FALSE(entries[0].booking_date);
  EXPECT_EQ(entries[0].currency, "USD");
}

TEST(BankCsv, ReferencesAreStableAndDistinct) {
  const std::string csv =
      "date,amount,payer\n"
      "2026-03-01,10.00,A\n"
      "2026-03-01,10.00,B\n"
      "2026-03-01,10.00,A\n";
  const auto first = read_clean_csv(csv, "a.csv");
  const auto second = read_clean_csv(csv, "b.csv");
  ASSERT_EQ(first.size(), 3u);
  EXPECT_EQ(references(first), references(second));
  EXPECT_TRUE(is_hash_reference(first[0].reference));
  EXPECT_TRUE(is_hash_reference(first[1].reference));
  EXPECT_NE(first[0].reference, first[1].reference);
  // The same line twice: two payments, the second one numbered.
  EXPECT_EQ(first[2].reference, first[0].reference + "#2");

  // The hash follows what the line says, not how it is written.
  const auto rewritten = read_clean_csv("payer;amount;date\n\"A\";10,0;01/03/2026\n", "c.csv");
  ASSERT_EQ(rewritten.size(), 1u);
  EXPECT_EQ(rewritten[0].reference, first[0].reference);
}

TEST(BankCsv, BadLinesAreRlBank003WithFileAndLineAndTheOthersAreRead) {
  const std::string csv =
      "date,amount,reference\n"
      "2026-03-01,10.00,OK1\n"
      "2026-03-01,abc,BAD-AMOUNT\n"
      "2026-13-01,10.00,BAD-DATE\n"
      "2026-03-01,10,50,TOO-MANY\n"
      ",10.00,NO-DATE\n"
      "2026-03-01,,NO-AMOUNT\n"
      "2026-03-01,1.000,50,X\n"
      "2026-03-02,20.00,OK2\n";
  const auto r = read_payments_csv(csv, "payments.csv");
  ASSERT_TRUE(r.value);
  ASSERT_EQ(r.value->size(), 2u);
  EXPECT_EQ((*r.value)[0].reference, "OK1");
  EXPECT_EQ((*r.value)[1].reference, "OK2");
  EXPECT_EQ((*r.value)[1].location, "payments.csv:9");

  const auto& items = r.diagnostics.items();
  ASSERT_EQ(items.size(), 6u) << diagnostics_of(r.diagnostics);
  const std::vector<std::uint32_t> lines = {3, 4, 5, 6, 7, 8};
  for (std::size_t i = 0; i < items.size(); ++i) {
    EXPECT_EQ(items[i].rule_id, "RL-BANK-003");
    EXPECT_EQ(items[i].severity, relance::Severity::fatal);
    EXPECT_EQ(items[i].where.source, "payments.csv");
    EXPECT_EQ(items[i].where.line, lines[i]) << items[i].message;
  }
  EXPECT_EQ(items[0].where.column, 12u);
  EXPECT_EQ(items[0].where.path, "amount");
  EXPECT_NE(items[0].message.find("'abc'"), std::string::npos);
  EXPECT_EQ(items[1].where.path, "date");
  EXPECT_NE(items[2].message.find("4 fields"), std::string::npos) << items[2].message;
  EXPECT_EQ(relance::format_diagnostic(items[0]),
            "fatal: payments.csv:3:12: RL-BANK-003 amount: 'abc' is not an amount (expected 1234.56 or "
            "1234,56, spaces between thousands)");
}

TEST(BankCsv, AnUnclosedQuoteAndAMissingColumnAreRlBank003) {
  const auto unclosed =
      read_payments_csv("date,amount,payer\n2026-03-01,1.00,\"Dupont\n2026-03-02,2.00,x\n", "u.csv");
  ASSERT_TRUE(unclosed.value);
  EXPECT_TRUE(unclosed.value->empty());
  ASSERT_EQ(unclosed.diagnostics.size(), 1u);
  EXPECT_EQ(unclosed.diagnostics.items()[0].rule_id, "RL-BANK-003");
  EXPECT_EQ(unclosed.diagnostics.items()[0].where.line, 2u);
  EXPECT_EQ(unclosed.diagnostics.items()[0].where.column, 17u);

  const auto no_amount = read_payments_csv("date;montant\n2026-03-01;1,00\n", "fr.csv");
  EXPECT_FALSE(no_amount.value);
  ASSERT_EQ(no_amount.diagnostics.size(), 1u);
  EXPECT_EQ(no_amount.diagnostics.items()[0].rule_id, "RL-BANK-003");
  EXPECT_EQ(no_amount.diagnostics.items()[0].where.line, 1u);

  const auto empty = read_payments_csv("\xEF\xBB\xBF", "empty.csv");
  EXPECT_FALSE(empty.value);
  ASSERT_EQ(empty.diagnostics.size(), 1u);
  EXPECT_EQ(empty.diagnostics.items()[0].rule_id, "RL-BANK-003");
}

// --- sniffing ----------------------------------------------------------------------------------

TEST(BankSniff, RecognisesEachFormatByContent) {
  EXPECT_EQ(sniff_bank_format(fixture("camt053-v08.xml")), BankFormat::camt053);
  EXPECT_EQ(sniff_bank_format(fixture("camt053-v02.xml")), BankFormat::camt053);
  EXPECT_EQ(sniff_bank_format(fixture("camt054-v08.xml")), BankFormat::camt054);
  EXPECT_EQ(sniff_bank_format(fixture("payments-semicolon.csv")), BankFormat::csv);

  EXPECT_EQ(
      sniff_bank_format("\xEF\xBB\xBF  <?xml version='1.0'?>\n<!-- <Document> -->\n"
                        "<Document xmlns:xsi='x' xmlns='urn:iso:std:iso:20022:tech:xsd:camt.054.001.02'/>"),
      BankFormat::camt054);
  EXPECT_EQ(
      sniff_bank_format("<Envelope><h:Document xmlns:h=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.13\">"),
      BankFormat::camt053);
  EXPECT_EQ(sniff_bank_format("Reference,Amount,Value_Date\n"), BankFormat::csv);
  EXPECT_EQ(sniff_bank_format("\"date\";\"amount\"\r\n2026-01-01;1\r\n"), BankFormat::csv);
}

TEST(BankSniff, RejectsWhatIsNotABankStatement) {
  // Another camt message, a namespace on another element than the one that uses it, an invoice.
  EXPECT_EQ(sniff_bank_format("<Document xmlns='urn:iso:std:iso:20022:tech:xsd:camt.052.001.08'/>"),
            BankFormat::unknown);
  EXPECT_EQ(sniff_bank_format("<Document xmlns:c='urn:iso:std:iso:20022:tech:xsd:camt.053.001.08'/>"),
            BankFormat::unknown);
  EXPECT_EQ(sniff_bank_format("<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"/>"),
            BankFormat::unknown);
  EXPECT_EQ(sniff_bank_format("%PDF-1.7\n"), BankFormat::unknown);
  EXPECT_EQ(sniff_bank_format("date,payer\n2026-01-01,x\n"), BankFormat::unknown);
  EXPECT_EQ(sniff_bank_format(""), BankFormat::unknown);
}
