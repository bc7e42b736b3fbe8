// The dunning scenario: channel names, the levels of one profile, the shipped default.
#include <algorithm>

#include "relance/letters/dunning.hpp"

namespace relance::letters {

std::string_view channel_name(Channel channel) {
  switch (channel) {
    case Channel::email:
      return "email";
    case Channel::postal:
      return "postal";
    case Channel::registered_postal:
      return "registered";
    case Channel::phone:
      return "phone";
    case Channel::agency:
      return "agency";
  }
  return "email";
}

std::optional<Channel> parse_channel(std::string_view name) {
  if (name == "email") return Channel::email;
  if (name == "postal") return Channel::postal;
  if (name == "registered" || name == "registered_postal") return Channel::registered_postal;
  if (name == "phone") return Channel::phone;
  if (name == "agency") return Channel::agency;
  return std::nullopt;
}

std::vector<DunningLevel> Scenario::levels_for(const std::string& profile) const {
  const auto overrides = profile_overrides.find(profile);
  std::vector<DunningLevel> out;
  out.reserve(levels.size());
  for (const DunningLevel& level : levels) {
    const DunningLevel* chosen = &level;
    if (overrides != profile_overrides.end()) {
      if (const auto o = overrides->second.find(level.name); o != overrides->second.end())
        chosen = &o->second;
    }
    const auto& only = chosen->profiles;
    if (!only.empty() && std::find(only.begin(), only.end(), profile) == only.end()) continue;
    out.push_back(*chosen);
    out.back().name = level.name;  // an override changes a level, never its name
  }
  return out;
}

Scenario default_scenario() {
  const auto level = [](std::string name, int offset, std::vector<Channel> channels) {
    DunningLevel l;
    l.template_name = name;
    l.name = std::move(name);
    l.offset_days = offset;
    l.channels = std::move(channels);
    l.min_amount = formats::Decimal::from_units(0, 2);
    l.min_days_since_previous = 7;
    return l;
  };
  Scenario s;
  DunningLevel pre = level("pre_reminder", -7, {Channel::email});
  pre.before_due_only = true;
  s.levels.push_back(std::move(pre));
  s.levels.push_back(level("reminder_1", 7, {Channel::email}));
  s.levels.push_back(level("reminder_2", 21, {Channel::postal, Channel::email}));
  DunningLevel phone = level("phone_call", 21, {Channel::phone});
  phone.replaces = "reminder_2";
  phone.profiles = {std::string(profile_regular)};
  phone.first_late_item_only = true;
  s.levels.push_back(std::move(phone));
  DunningLevel notice = level("formal_notice", 35, {Channel::registered_postal});
  notice.claims_interest = true;
  s.levels.push_back(std::move(notice));
  DunningLevel agency = level("agency", 50, {Channel::agency});
  agency.requires_no_movement = true;
  agency.claims_interest = true;
  s.levels.push_back(std::move(agency));
  return s;
}

}  // namespace relance::letters
