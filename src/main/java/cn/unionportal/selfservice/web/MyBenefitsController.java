package cn.unionportal.selfservice.web;

import java.time.Clock;
import java.time.LocalDate;

import cn.unionportal.benefits.BenefitsManagement;
import cn.unionportal.benefits.MerchantCategory;
import cn.unionportal.benefits.MerchantView;
import cn.unionportal.selfservice.MemberPrincipal;
import cn.unionportal.shared.web.PageLinks;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The member's benefits: insurance, entitlements, and the partner merchants (filterable). */
@Controller
class MyBenefitsController {

	private static final int PAGE_SIZE = 10;

	private final BenefitsManagement benefits;

	private final Clock clock;

	MyBenefitsController(BenefitsManagement benefits, Clock clock) {
		this.benefits = benefits;
		this.clock = clock;
	}

	@GetMapping("/me/benefits")
	String showMyBenefits(@AuthenticationPrincipal MemberPrincipal me, @RequestParam(required = false) Long district,
			@RequestParam(required = false) MerchantCategory category, @RequestParam(defaultValue = "0") int page,
			Model model) {
		model.addAttribute("benefits", benefits.benefitsOf(me.memberId(), LocalDate.now(clock)));
		Page<MerchantView> merchants = benefits.merchants(district, category, PageRequest.of(Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("merchants", merchants);
		model.addAttribute("districts", benefits.districts());
		model.addAttribute("categories", MerchantCategory.values());
		model.addAttribute("district", district);
		model.addAttribute("category", category);
		UriComponentsBuilder base = UriComponentsBuilder.fromPath("/me/benefits");
		if (district != null) {
			base.queryParam("district", district);
		}
		if (category != null) {
			base.queryParam("category", category);
		}
		model.addAttribute("pages", PageLinks.of(merchants, base.encode().toUriString()));
		return "me/benefits";
	}
}
