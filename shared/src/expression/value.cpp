#include <cmath>
#include <cstdio>

#include "greenapply/calendar.hpp"
#include "greenapply/expression.hpp"

namespace greenapply::expr {

const char* type_name(Type t) {
  switch (t) {
    case Type::any: return "any";
    case Type::null: return "null";
    case Type::boolean: return "boolean";
    case Type::number: return "number";
    case Type::string: return "string";
    case Type::date: return "date";
    case Type::list: return "list";
    case Type::object: return "object";
  }
  return "any";
}

const std::string& Value::empty_string() {
  static const std::string kEmpty;
  return kEmpty;
}

Value Value::boolean(bool b) {
  Value v;
  v.kind_ = Kind::boolean;
  v.b_ = b;
  return v;
}

Value Value::number(double d) {
  Value v;
  v.kind_ = Kind::number;
  v.d_ = d;
  return v;
}

Value Value::string(std::string s) {
  Value v;
  v.kind_ = Kind::string;
  auto owned = std::make_shared<const std::string>(std::move(s));
  v.str_ = owned.get();
  v.own_ = std::move(owned);
  return v;
}

Value Value::date(std::int64_t days) {
  Value v;
  v.kind_ = Kind::date;
  v.days_ = days;
  return v;
}

Value Value::list(std::vector<Value> items) {
  Value v;
  v.kind_ = Kind::list;
  auto owned = std::make_shared<const std::vector<Value>>(std::move(items));
  v.list_ = owned.get();
  v.own_ = std::move(owned);
  return v;
}

Value Value::borrow(const greenapply::json& j) {
  switch (j.type()) {
    case greenapply::json::value_t::boolean: return boolean(j.get<bool>());
    case greenapply::json::value_t::number_integer:
    case greenapply::json::value_t::number_unsigned:
    case greenapply::json::value_t::number_float: return number(j.get<double>());
    case greenapply::json::value_t::string: return string(j.get<std::string>());
    case greenapply::json::value_t::array:
    case greenapply::json::value_t::object: {
      Value v;
      v.kind_ = Kind::json;
      v.json_ = &j;
      return v;
    }
    default: return Value();
  }
}

Value Value::view(const greenapply::json& j) {
  if (!j.is_string()) return borrow(j);
  Value v;
  v.kind_ = Kind::string;
  v.str_ = j.get_ptr<const std::string*>();
  return v;
}

Value from_json(const greenapply::json& j) { return Value::borrow(j); }

bool Value::is_list() const { return kind_ == Kind::list || (kind_ == Kind::json && json_->is_array()); }

std::size_t Value::size() const {
  if (kind_ == Kind::list) return list_->size();
  if (kind_ == Kind::json && json_->is_array()) return json_->size();
  return 0;
}

Value Value::at(std::size_t i) const {
  if (kind_ == Kind::list) return i < list_->size() ? (*list_)[i] : Value();
  if (kind_ == Kind::json && json_->is_array() && i < json_->size()) return view((*json_)[i]);
  return Value();
}

Value Value::member(const std::string& name) const {
  if (kind_ != Kind::json || !json_->is_object()) return Value();
  const auto it = json_->find(name);
  return it == json_->end() ? Value() : view(*it);
}

greenapply::json Value::to_json() const {
  switch (kind_) {
    case Kind::null: return nullptr;
    case Kind::boolean: return b_;
    case Kind::number:
      if (!std::isfinite(d_)) return nullptr;
      if (d_ == std::floor(d_) && std::fabs(d_) < 9.0e15) return static_cast<std::int64_t>(d_);
      return d_;
    case Kind::string: return as_string();
    case Kind::date: return calendar::format_date(days_);
    case Kind::list: {
      greenapply::json out = greenapply::json::array();
      for (const auto& v : *list_) out.push_back(v.to_json());
      return out;
    }
    case Kind::json: return *json_;
  }
  return nullptr;
}

bool equal(const Value& a, const Value& b) {
  using K = Value::Kind;
  if (a.is_list() && b.is_list()) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!equal(a.at(i), b.at(i))) return false;
    }
    return true;
  }
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case K::null: return true;
    case K::boolean: return a.as_bool() == b.as_bool();
    case K::number: return a.as_number() == b.as_number();
    case K::string: return a.as_string() == b.as_string();
    case K::date: return a.as_date() == b.as_date();
    case K::json: return a.to_json() == b.to_json();  // objects: nlohmann compares numbers by value
    case K::list: return false;                          // handled above
  }
  return false;
}

}  // namespace greenapply::expr
