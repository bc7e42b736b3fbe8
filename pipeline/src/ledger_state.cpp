// dunning_state(): what the planner needs on an as-of date, in a few sequential queries ordered by
// item id and merged in one pass each (no query per item): a million open items load in seconds,
// and memory holds only the open items and their customers.
#include <algorithm>

#include "ledger_impl.hpp"

namespace relance::pipeline::detail {

using formats::Date;
using sql::from_cents;
using sql::Statement;

namespace {

// Rows come ordered by item id, as the items do: a cursor that only moves forward.
class ItemCursor {
 public:
  explicit ItemCursor(std::vector<letters::DunningItem>& items) : items_(items) {}
  letters::DunningItem* find(std::int64_t id) {
    while (next_ < items_.size() && items_[next_].id < id) ++next_;
    return next_ < items_.size() && items_[next_].id == id ? &items_[next_] : nullptr;
  }

 private:
  std::vector<letters::DunningItem>& items_;
  std::size_t next_ = 0;
};

void moved(letters::DunningItem& item, const Date& d) {
  if (!item.last_movement || *item.last_movement < d) item.last_movement = d;
}

// Without a due date (BT-9), an invoice is due 30 days after its issue: the French default
// (Code de commerce L441-10 I) and the usual net 30 elsewhere.
constexpr int default_payment_days = 30;

}  // namespace

DunningState SqliteLedger::dunning_state(Date as_of) const {
  const std::string day = as_of.to_iso();
  DunningState state;
  auto& items = state.items;

  // Invoices issued by the as-of date that still owed something on it.
  {
    // Counted first: the vector is allocated once (a million items are some 350 MB; growing it
    // step by step would touch twice that).
    Statement count = db_->prepare(
        "SELECT count(*) FROM items WHERE kind = 'invoice' AND issue_date <= ?1 "
        "AND (settled_on IS NULL OR settled_on > ?1)");
    count.bind(1, day);
    if (count.step()) items.reserve(static_cast<std::size_t>(count.int64(0)));
    Statement s = db_->prepare(
        "SELECT id, customer_id, number, issue_date, due_date, currency, amount_cents FROM items "
        "WHERE kind = 'invoice' AND issue_date <= ?1 AND (settled_on IS NULL OR settled_on > ?1) ORDER BY "
        "id");
    s.bind(1, day);
    while (s.step()) {
      letters::DunningItem it;
      it.id = s.int64(0);
      it.customer_id = s.str(1);
      it.number = s.str(2);
      it.issue_date = *s.date(3);
      const auto due = s.date(4);
      it.due_date = due ? *due : it.issue_date.plus_days(default_payment_days);
      it.currency = s.str(5);
      it.amount = from_cents(s.int64(6));
      items.push_back(std::move(it));
    }
  }
  if (items.empty()) return state;

  // Payments and credit notes, dated up to the as-of date.
  {
    Statement s = db_->prepare(
        "SELECT a.item_id, a.value_date, a.amount_cents FROM allocations a JOIN items i ON i.id = a.item_id "
        "WHERE a.value_date <= ?1 AND i.kind = 'invoice' AND i.issue_date <= ?1 "
        "AND (i.settled_on IS NULL OR i.settled_on > ?1) ORDER BY a.item_id, a.value_date, a.id");
    s.bind(1, day);
    ItemCursor cursor(items);
    while (s.step()) {
      if (auto* it = cursor.find(s.int64(0))) {
        const Date d = *s.date(1);
        it->payments.push_back(letters::PaymentOnItem{d, from_cents(s.int64(2))});
        moved(*it, d);
      }
    }
  }
  // Disputes: open on the as-of date; opening and closing are movements.
  {
    Statement s = db_->prepare(
        "SELECT item_id, opened_on, closed_on FROM disputes WHERE opened_on <= ?1 ORDER BY item_id, "
        "opened_on, id");
    s.bind(1, day);
    ItemCursor cursor(items);
    while (s.step()) {
      if (auto* it = cursor.find(s.int64(0))) {
        moved(*it, *s.date(1));
        const auto closed = s.date(2);
        if (closed && *closed <= as_of)
          moved(*it, *closed);
        else
          it->disputed = true;
      }
    }
  }
  // Promises made by the as-of date: the latest counts.
  {
    Statement s = db_->prepare(
        "SELECT item_id, promised_date, amount_cents, made_on FROM promises WHERE made_on <= ?1 "
        "ORDER BY item_id, made_on, id");
    s.bind(1, day);
    ItemCursor cursor(items);
    while (s.step()) {
      if (auto* it = cursor.find(s.int64(0))) {
        letters::Promise p{*s.date(1), std::nullopt, *s.date(3)};
        if (!s.is_null(2)) p.amount = from_cents(s.int64(2));
        moved(*it, p.made_on);
        it->promise = std::move(p);
      }
    }
  }
  // The last level each item reached.
  {
    Statement s = db_->prepare(
        "SELECT li.item_id, l.level, l.as_of FROM letter_items li JOIN letters l ON l.id = li.letter_id "
        "WHERE l.as_of <= ?1 ORDER BY li.item_id, l.as_of, l.id");
    s.bind(1, day);
    ItemCursor cursor(items);
    while (s.step()) {
      if (auto* it = cursor.find(s.int64(0))) {
        it->last_level = s.str(1);
        it->last_level_date = s.date(2);
      }
    }
  }

  // The customers of these items.
  std::vector<std::string> ids;
  ids.reserve(items.size());
  for (const auto& it : items) ids.push_back(it.customer_id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  auto& customers = state.customers;
  {
    Statement s =
        db_->prepare("SELECT id, name, profile, language, account_manager FROM customers ORDER BY id");
    std::size_t next = 0;
    while (s.step() && next < ids.size()) {
      const std::string_view id = s.text(0);
      while (next < ids.size() && ids[next] < id) ++next;
      if (next == ids.size() || ids[next] != id) continue;
      letters::DunningCustomer c;
      c.id = ids[next++];
      c.name = s.str(1);
      c.profile = s.str(2);
      c.language = letters::parse_language(s.text(3)).value_or(letters::Language::fr);
      c.account_manager = s.str(4);
      customers.push_back(std::move(c));
    }
  }
  auto customer_cursor = [&customers]() {
    return [&customers, next = std::size_t{0}](std::string_view id) mutable -> letters::DunningCustomer* {
      while (next < customers.size() && customers[next].id < id) ++next;
      return next < customers.size() && customers[next].id == id ? &customers[next] : nullptr;
    };
  };
  {
    Statement s = db_->prepare(
        "SELECT customer_id, MAX(as_of) FROM letters WHERE as_of <= ?1 GROUP BY customer_id ORDER BY "
        "customer_id");
    s.bind(1, day);
    auto find = customer_cursor();
    while (s.step())
      if (auto* c = find(s.text(0))) c->last_letter_date = s.date(1);
  }
  // A late episode before: a letter after the due date (not the courtesy pre-reminder) about an
  // item that was settled by the as-of date. The open items' own letters are in their last_level.
  {
    Statement s = db_->prepare(
        "SELECT DISTINCT l.customer_id FROM letters l JOIN letter_items li ON li.letter_id = l.id "
        "JOIN items i ON i.id = li.item_id WHERE l.before_due = 0 AND l.as_of <= ?1 "
        "AND i.settled_on IS NOT NULL AND i.settled_on <= ?1 ORDER BY l.customer_id");
    s.bind(1, day);
    auto find = customer_cursor();
    while (s.step())
      if (auto* c = find(s.text(0))) c->had_late_item_before = true;
  }
  return state;
}

}  // namespace relance::pipeline::detail
